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

/*
 * The same, and collect its stdout into *OUT (malloc'd, NUL-terminated,
 * *LEN bytes without that NUL; may contain NULs itself).
 */
int spawn_capture(char *const argv[], char **out, size_t *len);

#endif
