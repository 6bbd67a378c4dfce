/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Paths below $BOOTIMG_SYSROOT, the tests' stand-in for / (as the library). */
#ifndef BOOTIMG_CLI_SYSROOT_H
#define BOOTIMG_CLI_SYSROOT_H

/* PATH (absolute) below $BOOTIMG_SYSROOT, malloc'd; exits when out of memory. */
char *sysroot_path(const char *path);

#endif
