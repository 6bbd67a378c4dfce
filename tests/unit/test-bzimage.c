// SPDX-License-Identifier: GPL-2.0-or-later
/* bzImage header parsing: a made-up image, damaged copies, and, when the
 * test suite has downloaded one, a real Debian kernel. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "bootimg.h"
#include "fake-bzimage.h"
#include "tap.h"

static int probe(struct bootimg *ctx, const char *path,
		 struct bootimg_info *info)
{
	return bootimg_probe(ctx, path, info);
}

static void test_fake(struct bootimg *ctx, const uint8_t *img, size_t size)
{
	struct bootimg_info info = { .size = sizeof(info) };

	CHECK_EQ(probe(ctx, write_temp("fake", img, size), &info), 0);
	CHECK(strcmp(info.format, "bzImage") == 0);
	CHECK(strcmp(info.version, FAKE_VERSION) == 0);
	CHECK_EQ(info.protocol, 0x020f);
	CHECK_EQ(info.payload_size, FAKE_PAYLOAD_SIZE);
	CHECK_EQ(info.init_size, FAKE_INIT_SIZE);
	CHECK_EQ(info.pref_address, FAKE_PREF_ADDRESS);
	CHECK_EQ(info.cmdline_size, FAKE_CMDLINE_SIZE);
	CHECK(info.relocatable && info.entry64 && info.initrd_above_4g);
}

static void test_damaged(struct bootimg *ctx, const uint8_t *img,
			 size_t size)
{
	uint8_t *copy = malloc(size);
	struct bootimg_info info = { .size = sizeof(info) };
	const char *path;

	path = write_temp("short", img, size - 1);
	CHECK_EQ(probe(ctx, path, &info), -EBADMSG);
	CHECK(strcmp(bootimg_error_path(ctx), path) == 0);
	CHECK_EQ(probe(ctx, write_temp("stub", img, 64), &info), -EBADMSG);
	CHECK_EQ(probe(ctx, write_temp("empty", img, 0), &info), -ENOEXEC);
	CHECK_EQ(probe(ctx, write_temp("text", "#!/bin/sh\necho hi\n", 18),
		       &info), -ENOEXEC);

	memcpy(copy, img, size);
	copy[0x202] = 'X';	/* no "HdrS" */
	CHECK_EQ(probe(ctx, write_temp("nohdrs", copy, size), &info),
		 -ENOEXEC);
	memcpy(copy, img, size);
	copy[0x206] = 0x01;	/* protocol 2.01: too old */
	CHECK_EQ(probe(ctx, write_temp("old", copy, size), &info), -ENOEXEC);
	memcpy(copy, img, size);
	copy[0x260] = 0;	/* init_size below the payload */
	copy[0x261] = 0;
	copy[0x262] = 0;
	copy[0x263] = 0;
	CHECK_EQ(probe(ctx, write_temp("initsize", copy, size), &info),
		 -EBADMSG);
	CHECK_EQ(probe(ctx, temp_dir(), &info), -EISDIR);
	CHECK_EQ(probe(ctx, "/nonexistent/vmlinuz", &info), -ENOENT);
	CHECK_EQ(probe(ctx, "/dev/null", &info), -EINVAL);
	CHECK_EQ(bootimg_last_error(ctx)->cause,
		 BOOTIMG_CAUSE_NOT_REGULAR_FILE);
	free(copy);
}

static void test_real(struct bootimg *ctx)
{
	const char *path = getenv("BOOTIMG_TEST_KERNEL");
	struct bootimg_info info = { .size = sizeof(info) };
	uint8_t *img;
	FILE *f;
	long size;

	if (!path || !*path) {
		tap_skip("BOOTIMG_TEST_KERNEL is not set");
		return;
	}
	CHECK_EQ(probe(ctx, path, &info), 0);
	CHECK(strncmp(info.version, "6.", 2) == 0);
	CHECK(info.protocol >= 0x020f);
	CHECK(info.relocatable && info.entry64);
	CHECK(info.cmdline_size >= 2047);
	CHECK(info.init_size > info.payload_size);

	f = fopen(path, "re");
	if (!f || fseek(f, 0, SEEK_END) < 0 || (size = ftell(f)) <= 0) {
		CHECK(!"cannot read the real kernel");
		return;
	}
	rewind(f);
	img = malloc((size_t)size);
	CHECK(fread(img, 1, (size_t)size, f) == (size_t)size);
	fclose(f);
	CHECK_EQ(probe(ctx, write_temp("half", img, (size_t)size / 2), &info),
		 -EBADMSG);
	img[0x1fe] = 0;		/* no boot flag */
	CHECK_EQ(probe(ctx, write_temp("noflag", img, (size_t)size), &info),
		 -ENOEXEC);
	free(img);
}

int main(void)
{
	size_t size = fake_bzimage_size();
	uint8_t *img = malloc(size);
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0)
		return 99;
	fake_bzimage(img);
	test_fake(ctx, img, size);
	test_damaged(ctx, img, size);
	test_real(ctx);
	bootimg_free(ctx);
	free(img);
	temp_cleanup();
	return tap_done();
}
