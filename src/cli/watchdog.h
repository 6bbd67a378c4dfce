/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The hardware watchdog (/dev/watchdog) armed across a kexec handoff, and
 * disarmed by the new system once it is up.  Paths are read below
 * $BOOTIMG_SYSROOT when it is set (the tests' fixtures).
 */
#ifndef BOOTIMG_CLI_WATCHDOG_H
#define BOOTIMG_CLI_WATCHDOG_H

/* The largest timeout accepted, in seconds. */
#define WATCHDOG_MAX_SECONDS 3600

/* TEXT as seconds, 0 (none) to the maximum; an empty TEXT is 0. */
int watchdog_parse_seconds(const char *text, unsigned *seconds);

/*
 * Open /dev/watchdog (or /dev/watchdog0), set its timeout to SECONDS and
 * ping it once.  Return the open descriptor: closed without the magic
 * character, the watchdog keeps running.  -ENOENT: no watchdog device.
 */
int watchdog_arm(unsigned seconds);

/*
 * watchdog_arm, and on standard error, after "PROGRAM: warning: ", why
 * the handoff goes on without a watchdog, or that this kernel will stop
 * it at the kexec.
 */
int watchdog_arm_warning(const char *program, unsigned seconds);

/* Stop a watchdog armed by watchdog_arm and close FD (on a failure). */
void watchdog_release(int fd);

/*
 * Stop the watchdog (the magic character and WDIOS_DISABLECARD).  0, or
 * -ENOENT when there is no watchdog device, or another negative errno.
 */
int watchdog_disarm(void);

/*
 * 1 when the running kernel's watchdog core stops watchdogs on reboot and
 * kexec (the drivers' default unless watchdog.stop_on_reboot=0), else 0.
 */
int watchdog_stops_on_reboot(void);

#endif
