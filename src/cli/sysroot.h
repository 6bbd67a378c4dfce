/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Paths below $BOOTIMG_SYSROOT when it is set, as the library reads them:
 * the tests' fixtures stand in for /proc, /sys, /dev, /etc and /var.
 */
#ifndef BOOTIMG_CLI_SYSROOT_H
#define BOOTIMG_CLI_SYSROOT_H

#include <stddef.h>

/* PATH (absolute) below the sysroot, malloc'd; exits when out of memory. */
char *sysroot_path(const char *path);

/*
 * The start of the file PATH (below the sysroot) in BUF of SIZE bytes,
 * NUL-terminated: its length, or -1 if it cannot be opened.
 */
long sysroot_read(const char *path, char *buf, size_t size);

#endif
