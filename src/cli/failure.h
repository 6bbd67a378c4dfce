/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Turning library errors into one-line messages and exit codes. */
#ifndef BOOTIMG_CLI_FAILURE_H
#define BOOTIMG_CLI_FAILURE_H

#include "bootimg.h"

/* The documented exit codes of bootimg(8). */
enum exit_code {
	EXIT_OK = 0,
	EXIT_FAILED = 1,	/* also: --status finds nothing staged */
	EXIT_USAGE = 2,
	EXIT_BAD_IMAGE = 3,
	EXIT_UNREADABLE = 4,
	EXIT_CMDLINE_TOO_LONG = 5,
	EXIT_NOT_PERMITTED = 6,
	EXIT_UNSUPPORTED = 7,
	EXIT_NO_MEMORY = 8,
	EXIT_WRONG_INPUTS = 9,	/* --module or --initrd for the wrong kernel */
	EXIT_HOOK_FAILED = 10,	/* a pre-exec hook failed: kernel unstaged */
};

/*
 * The cause of ERR in words (static, or written into BUF), and its exit
 * code, from the library's error channel when it recorded ERR last.
 */
const char *describe_failure(const struct bootimg *ctx, int err, char *buf,
			     size_t size, int *exit_code);

/* Print "bootimg: FILE: cause" for ERR and return the exit code. */
int report_failure(struct bootimg *ctx, int err, const char *doing);

#endif
