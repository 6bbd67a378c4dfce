/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The last kexec attempt of bootimg-reboot, in /var/lib/bootimg/attempt
 * (below $BOOTIMG_SYSROOT when set): which entry and kernel, when, and
 * whether the new system confirmed that it came up.  bootimg-reboot writes
 * it; bootimg --status shows it.
 */
#ifndef BOOTIMG_CLI_ATTEMPT_H
#define BOOTIMG_CLI_ATTEMPT_H

#include <stdio.h>

#define ATTEMPT_TEXT_MAX 1024

struct attempt {
	char id[32];		/* also bootimg.attempt= on the new command line */
	char entry[ATTEMPT_TEXT_MAX];	/* entry name, "running" or "kernel" */
	char kernel[ATTEMPT_TEXT_MAX];	/* the staged kernel image */
	long long time;		/* when, in seconds since the epoch */
	unsigned watchdog;	/* the watchdog timeout armed, 0: none */
	long long confirmed;	/* when the new system confirmed, 0: never */
};

/* The state file's path (a static buffer). */
const char *attempt_path(void);

/*
 * Read the last attempt into A: 0, -ENOENT when there is none, -EINVAL
 * when the file is damaged, or another negative errno.
 */
int attempt_read(struct attempt *a);

/*
 * Replace the state file with A, atomically (a temporary file, fsync,
 * rename), root-only.  -EINVAL if a field holds a newline.
 */
int attempt_write(const struct attempt *a);

/* A new attempt: a fresh id, the time now; ENTRY and KERNEL as given. */
void attempt_start(struct attempt *a, const char *entry, const char *kernel,
		   unsigned watchdog);

/* Is this boot the attempt A: does /proc/cmdline carry its id? */
int attempt_is_running(const struct attempt *a);

/* Print A for bootimg --status, from "last attempt:" on. */
void attempt_show(FILE *out, const struct attempt *a);

#endif
