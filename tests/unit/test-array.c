// SPDX-License-Identifier: GPL-2.0-or-later
/* The growable array: doubling, contents kept, overflow and ENOMEM. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include "array.h"
#include "macros.h"
#include "tap.h"

struct pair {
	uint64_t a, b;
};

static void appends_keep_every_element(void)
{
	struct pair *v = NULL;
	size_t n = 0, cap = 0, i, reallocs = 0, last_cap = 0;
	int ok = 1;

	for (i = 0; i < 10000; i++) {
		if (array_reserve(&v, &cap, n + 1, sizeof(*v)) < 0) {
			ok = 0;
			break;
		}
		if (cap != last_cap)
			reallocs++;
		last_cap = cap;
		v[n++] = (struct pair){ i, ~i };
	}
	CHECK(ok);
	for (i = 0; ok && i < n; i++)
		ok = v[i].a == i && v[i].b == ~i;
	CHECK(ok);
	CHECK(cap >= n);
	CHECK(reallocs <= 12);	/* 8 doubled 11 times passes 10000 */
	free(v);
}

static void enough_room_changes_nothing(void)
{
	char *v = NULL;
	size_t cap = 0;
	char *before;

	CHECK_EQ(array_reserve(&v, &cap, 3, 1), 0);
	CHECK_EQ(cap, 8);
	before = v;
	CHECK_EQ(array_reserve(&v, &cap, 8, 1), 0);
	CHECK(v == before);
	CHECK_EQ(cap, 8);
	CHECK_EQ(array_reserve(&v, &cap, 0, 1), 0);
	CHECK_EQ(cap, 8);
	free(v);
}

static void big_request_is_met_at_once(void)
{
	int *v = NULL;
	size_t cap = 0;

	CHECK_EQ(array_reserve(&v, &cap, 1000, sizeof(*v)), 0);
	CHECK_EQ(cap, 1024);
	v[999] = 1;
	free(v);
}

static void overflow_is_enomem(void)
{
	uint64_t *v = NULL, *before;
	size_t cap = 0;

	CHECK_EQ(array_reserve(&v, &cap, 1, sizeof(*v)), 0);
	v[0] = 42;
	before = v;
	CHECK_EQ(array_reserve(&v, &cap, SIZE_MAX, sizeof(*v)), -ENOMEM);
	CHECK_EQ(array_reserve(&v, &cap, SIZE_MAX / 8 + 1, 8), -ENOMEM);
	CHECK_EQ(array_reserve(&v, &cap, PTRDIFF_MAX / 8 + 1, 8), -ENOMEM);
	CHECK(v == before);
	CHECK_EQ(cap, 8);
	CHECK_EQ(v[0], 42);
	free(v);
}

static void array_size_counts_elements(void)
{
	static const char *const words[] = { "a", "b", "c" };
	struct pair pairs[7];
	char bytes[5];

	CHECK_EQ(ARRAY_SIZE(words), 3);
	CHECK_EQ(ARRAY_SIZE(pairs), 7);
	CHECK_EQ(ARRAY_SIZE(bytes), 5);
}

int main(void)
{
	appends_keep_every_element();
	enough_room_changes_nothing();
	big_request_is_met_at_once();
	overflow_is_enomem();
	array_size_counts_elements();
	return tap_done();
}
