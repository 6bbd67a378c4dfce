/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The settings of bootimg-reboot in /etc/default/bootimg (bootimg-defaults(5)). */
#ifndef BOOTIMG_CLI_REBOOT_DEFAULTS_H
#define BOOTIMG_CLI_REBOOT_DEFAULTS_H

struct reboot_defaults {
	char *entry;	/* BOOTIMG_ENTRY: boot loader entry for mkbootcmd */
	char *append;	/* BOOTIMG_APPEND: added to the command line */
	char *method;	/* BOOTIMG_METHOD: bootimg --method */
	char *init;	/* BOOTIMG_INIT: auto, systemd, sysvinit or direct */
	int enabled;	/* BOOTIMG_ENABLED: init scripts stage on reboot */
	int fallback;	/* BOOTIMG_FALLBACK: normal reboot if staging fails */
	int debug;	/* BOOTIMG_DEBUG: bootimg --debug, a breadcrumb */
	unsigned mkbootcmd_timeout;	/* BOOTIMG_MKBOOTCMD_TIMEOUT, seconds */
	unsigned watchdog;	/* BOOTIMG_WATCHDOG, seconds; 0: none */
	int fast_boot;	/* BOOTIMG_FAST_BOOT: no, bootimg --no-fast-boot */
};

/* BOOTIMG_MKBOOTCMD_TIMEOUT when unset, and its largest value. */
#define REBOOT_MKBOOTCMD_TIMEOUT 30
#define REBOOT_MKBOOTCMD_TIMEOUT_MAX 90

/*
 * Fill D from the file PATH; a missing file leaves the built-in defaults.
 * On a bad line or an unreadable file, print one line naming PATH, the
 * line and the cause, and return -1 with nothing to free.
 */
int reboot_defaults_load(const char *path, struct reboot_defaults *d);
void reboot_defaults_free(struct reboot_defaults *d);

#endif
