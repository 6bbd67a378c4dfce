/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootimg-reboot's guard against a kexec that hangs: the watchdog armed
 * across the handoff, the attempt recorded for --confirm, and an entry
 * whose last attempt was never confirmed refused (unless --force).
 */
#ifndef BOOTIMG_CLI_REBOOT_GUARD_H
#define BOOTIMG_CLI_REBOOT_GUARD_H

#include "attempt.h"

struct guard {
	unsigned watchdog;	/* seconds; 0: no guard */
	int force;		/* --force: boot an entry that failed before */
	int verbose;
	int fd;			/* the armed watchdog, or -1 */
	int recorded;		/* the attempt is in the state file */
	struct attempt attempt;
};

/*
 * With a watchdog asked for, start G's attempt and return APPEND (may be
 * NULL) followed by its bootimg.attempt= token, to be freed; else NULL.
 */
char *guard_append(struct guard *g, const char *append);

/*
 * 1 (with a message) if the last attempt, of ENTRY with the kernel that
 * the bootimg command ARGV loads, was never confirmed, and not --force.
 */
int guard_refuses(const struct guard *g, const char *entry,
		  char *const argv[]);

/* The kernel is staged: record the attempt and arm the watchdog. */
void guard_arm(struct guard *g, const char *entry, char *const argv[]);

/* The reboot command failed: stop the watchdog, forget the attempt. */
void guard_abort(struct guard *g);

/* bootimg-reboot --confirm: 0, or 1 if the state cannot be written. */
int guard_confirm(int verbose);

#endif
