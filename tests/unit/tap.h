/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A few macros that print TAP for Automake's tap-driver. */
#ifndef BOOTIMG_TESTS_TAP_H
#define BOOTIMG_TESTS_TAP_H

#include <stdio.h>

static int tap_count, tap_failed;

#define CHECK(cond) tap_result(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ(a, b) tap_eq((unsigned long long)(a), \
			      (unsigned long long)(b), #a " == " #b, \
			      __FILE__, __LINE__)

static inline void tap_result(int ok, const char *what, const char *file,
			      int line)
{
	tap_count++;
	if (ok) {
		printf("ok %d - %s\n", tap_count, what);
		return;
	}
	tap_failed++;
	printf("not ok %d - %s (%s:%d)\n", tap_count, what, file, line);
}

static inline void tap_eq(unsigned long long a, unsigned long long b,
			  const char *what, const char *file, int line)
{
	tap_result(a == b, what, file, line);
	if (a != b)
		printf("# got 0x%llx, want 0x%llx\n", a, b);
}

static inline void tap_skip(const char *why)
{
	printf("ok %d # SKIP %s\n", ++tap_count, why);
}

static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
