// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The public structs' size fields: an older caller's smaller struct is
 * read and filled no further than its size, a newer caller's larger one
 * is taken when its unknown fields are zero, and a size below the first
 * version's is refused before anything is done.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "abi.h"
#include "fake-bzimage.h"
#include "tap.h"

/* One struct in two versions, as bootimg.h lets them grow. */
struct one {
	size_t size;
	uint64_t a;
};

struct two {
	size_t size;
	uint64_t a;
	uint64_t b;
};

static void test_in(void)
{
	struct two older = { .size = sizeof(struct one), .a = 1, .b = 7 };
	struct one newer = { .size = sizeof(newer), .a = 2 };
	struct two got;
	struct one small;
	struct two big = { .size = sizeof(big), .a = 3 };

	memset(&got, 0xff, sizeof(got));
	CHECK_EQ(ext_in(&got, sizeof(got), &older, sizeof(struct one)), 0);
	CHECK(got.size == sizeof(got) && got.a == 1 && got.b == 0);
	CHECK_EQ(ext_in(&small, sizeof(small), &big, sizeof(small)), 0);
	CHECK(small.size == sizeof(small) && small.a == 3);
	big.b = 1;
	CHECK_EQ(ext_in(&small, sizeof(small), &big, sizeof(small)),
		 -E2BIG);
	newer.size = sizeof(size_t);
	CHECK_EQ(ext_in(&got, sizeof(got), &newer, sizeof(struct one)),
		 -EINVAL);
}

static void test_out(void)
{
	struct two mine = { .size = sizeof(mine), .a = 4, .b = 5 };
	struct { struct one one; uint64_t canary; } older = {
		.one.size = sizeof(struct one), .canary = 42,
	};
	struct two newer_than_lib = { .size = sizeof(newer_than_lib), .b = 9 };
	struct one lib = { .size = sizeof(lib), .a = 6 };

	CHECK_EQ(ext_out_ok(&older, sizeof(struct one)), 0);
	ext_out(&older, &mine, sizeof(mine));
	CHECK(older.one.size == sizeof(struct one) && older.one.a == 4);
	CHECK_EQ(older.canary, 42);
	ext_out(&newer_than_lib, &lib, sizeof(lib));
	CHECK(newer_than_lib.size == sizeof(struct one) &&
	      newer_than_lib.a == 6 && newer_than_lib.b == 9);
	older.one.size = 0;
	CHECK_EQ(ext_out_ok(&older, sizeof(struct one)), -EINVAL);
}

/* The library's entry points refuse a struct without its size. */
static void test_entry_points(struct bootimg *ctx, const char *kernel)
{
	struct bootimg_info info = { .size = 0 };
	struct bootimg_status status = { .size = sizeof(status) - 1 };
	struct bootimg_request req = { .kernel = kernel };
	struct bootimg_load_result result = { .size = sizeof(result) };
	struct bootimg_plan *plan;

	CHECK_EQ(bootimg_probe(ctx, kernel, &info), -EINVAL);
	CHECK_EQ(bootimg_get_status(ctx, &status), -EINVAL);
	CHECK_EQ(bootimg_plan_new(ctx, &req, &plan), -EINVAL);
	CHECK_EQ(bootimg_load(ctx, &req, &result), -EINVAL);
	info.size = sizeof(info);
	CHECK_EQ(bootimg_probe(ctx, kernel, &info), 0);
	CHECK_EQ(info.size, sizeof(info));
}

int main(void)
{
	size_t size = fake_bzimage_size();
	uint8_t *img = malloc(size);
	struct bootimg *ctx;

	if (!img || bootimg_new(&ctx) < 0)
		return 99;
	fake_bzimage(img);
	test_in();
	test_out();
	test_entry_points(ctx, write_temp("abi", img, size));
	bootimg_free(ctx);
	free(img);
	temp_cleanup();
	return tap_done();
}
