/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Running the helper programs (bootimg, mkbootcmd, systemctl, reboot). */
#ifndef BOOTIMG_CLI_SPAWN_H
#define BOOTIMG_CLI_SPAWN_H

#include <stddef.h>

/* What spawn_* return when the program could not be started at all. */
#define SPAWN_NOT_RUN (-1)

/*
 * Run ARGV[0] (found in $PATH) with ARGV, wait for it and return its exit
 * status; 128 + N if signal N killed it; SPAWN_NOT_RUN with errno set if
 * it could not be started.  Its output goes to /dev/null if QUIET.
 */
int spawn_wait(char *const argv[], int quiet);

/* What spawn_capture returns when the program ran out of time. */
#define SPAWN_TIMED_OUT (-2)

/*
 * The same, and collect its stdout into *OUT (malloc'd, NUL-terminated,
 * *LEN bytes without that NUL; may contain NULs itself).  After TIMEOUT
 * seconds (0: no limit) it is killed, and SPAWN_TIMED_OUT returned
 * without waiting any longer, even for a process that cannot die.
 */
int spawn_capture(char *const argv[], unsigned timeout, char **out,
		  size_t *len);

/*
 * Run the program at PATH with ARGV and the environment ENVP, its stdin
 * /dev/null, and wait for it as spawn_capture does: killed after TIMEOUT
 * seconds (0: no limit), then SPAWN_TIMED_OUT.
 */
int spawn_wait_env(const char *path, char *const argv[], char *const envp[],
		   unsigned timeout);

#endif
