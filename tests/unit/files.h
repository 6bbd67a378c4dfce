/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Files for the unit tests: fixtures below $srcdir, whole files read. */
#ifndef BOOTIMG_TESTS_FILES_H
#define BOOTIMG_TESTS_FILES_H

#include <stddef.h>
#include <stdint.h>

/* $srcdir/tests/fixtures/NAME, in a static buffer. */
const char *fixture(const char *name);

/* The whole of PATH, malloc'd; NULL when it is missing or empty. */
uint8_t *read_all(const char *path, size_t *size);

/*
 * Whether openat2(2) works here: not before Linux 5.6, nor (ENOSYS) for
 * a 32-bit program on some 64-bit hosts, the CI's among them.
 */
int have_openat2(void);

#endif
