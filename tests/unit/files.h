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

#endif
