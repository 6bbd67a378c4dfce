// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unified kernel images: the PE section table parser on made-up UKIs and
 * damaged copies of them (truncated at every length, PE header and
 * sections outside the file, no .linux), and how a UKI's own .cmdline and
 * .initrd combine with the request's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "bootimg.h"
#include "fake-bzimage.h"
#include "fake-uki.h"
#include "format.h"
#include "inputs.h"
#include "tap.h"

#define UKI_CMDLINE "root=/dev/vda console=ttyS0 \n"
#define UKI_CMDLINE_TRIMMED "root=/dev/vda console=ttyS0"

static const char initrd[] = "070701 the UKI's own initrd";

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* Probe SIZE bytes of IMG from a buffer of exactly that size, so that
 * AddressSanitizer sees any read past the end. */
static int probe_copy(const uint8_t *img, size_t size, struct bi_kernel *k)
{
	uint8_t *copy = malloc(size ? size : 1);
	struct bi_file file = { .path = "uki", .fd = -1, .data = copy,
				.size = size };
	int err;

	memcpy(copy, img, size);
	memset(k, 0, sizeof(*k));
	err = bi_probe_file(&file, k);
	bi_kernel_release(k);
	free(copy);
	return err;
}

static void test_valid(void)
{
	size_t size;
	uint8_t *img = fake_uki(UKI_CMDLINE, initrd, sizeof(initrd), &size);
	struct bi_file file = { .path = "uki", .fd = -1, .data = img,
				.size = size };
	struct bi_kernel k = { 0 };

	CHECK_EQ(bi_probe_file(&file, &k), 0);
	CHECK(k.info.container && strcmp(k.info.container, "UKI") == 0);
	CHECK(strcmp(k.info.format, "bzImage") == 0);
	CHECK(strcmp(k.version, FAKE_VERSION) == 0);
	CHECK_EQ(k.info.file_size, size);
	CHECK_EQ(k.image.size, fake_bzimage_size());
	CHECK_EQ(k.image.fd, -1);
	CHECK(k.image.data > img && k.image.data < img + size);
	CHECK_EQ(k.initrd.size, sizeof(initrd));
	CHECK(k.initrd.data && memcmp(k.initrd.data, initrd,
				      sizeof(initrd)) == 0);
	CHECK_EQ(k.cmdline_len, strlen(UKI_CMDLINE_TRIMMED));
	CHECK(k.cmdline && memcmp(k.cmdline, UKI_CMDLINE_TRIMMED,
				  k.cmdline_len) == 0);
	bi_kernel_release(&k);
	free(img);

	/* Only .osrel and .linux: no initrd, no command line. */
	img = fake_uki(NULL, NULL, 0, &size);
	file.data = img;
	file.size = size;
	CHECK_EQ(bi_probe_file(&file, &k), 0);
	CHECK_EQ(k.initrd.size, 0);
	CHECK(k.cmdline == NULL);
	bi_kernel_release(&k);
	free(img);
}

/* Cut anywhere, the image is refused as not a kernel or as broken. */
static void test_truncated(void)
{
	size_t size, cut, refused = 0, broken = 0, tried = 0;
	uint8_t *img = fake_uki(UKI_CMDLINE, initrd, sizeof(initrd), &size);
	struct bi_kernel k;

	for (cut = 0; cut < size; cut += cut < 0x400 ? 1 : 61) {
		int err = probe_copy(img, cut, &k);

		tried++;
		refused += err == -ENOEXEC || err == -EBADMSG;
		broken += err == -EBADMSG;
	}
	CHECK_EQ(refused, tried);
	/* From the PE header on, a cut file is a broken one. */
	CHECK_EQ(probe_copy(img, FAKE_PE_AT + 30, &k), -EBADMSG);
	CHECK_EQ(probe_copy(img, FAKE_PE_SECTION_AT(1), &k), -EBADMSG);
	CHECK_EQ(probe_copy(img, size - 1, &k), -EBADMSG);
	CHECK_EQ(probe_copy(img, size - fake_bzimage_size() / 2, &k),
		 -EBADMSG);
	CHECK(broken > tried / 2);
	free(img);
}

/* Damage a copy of IMG: 32 bits VALUE at OFFSET; expect ERR. */
static void damaged(const uint8_t *img, size_t size, size_t offset,
		    uint32_t value, int err)
{
	uint8_t *copy = malloc(size);
	struct bi_kernel k;

	memcpy(copy, img, size);
	put32(copy + offset, value);
	CHECK_EQ(probe_copy(copy, size, &k), err);
	free(copy);
}

static void test_damaged(void)
{
	size_t size, linux_at;
	uint8_t *img = fake_uki(UKI_CMDLINE, initrd, sizeof(initrd), &size);

	/* .osrel, .cmdline, .initrd, .linux */
	linux_at = FAKE_PE_SECTION_AT(3);
	/* PE header offset past the end, at the end, and wrapping. */
	damaged(img, size, 0x3c, (uint32_t)size + 0x100, -EBADMSG);
	damaged(img, size, 0x3c, (uint32_t)size - 8, -EBADMSG);
	damaged(img, size, 0x3c, 0xfffffff0u, -EBADMSG);
	/* In the file, but no PE signature there: an MS-DOS program. */
	damaged(img, size, 0x3c, 0x40, -ENOEXEC);
	/* More sections than the file holds. */
	damaged(img, size, FAKE_PE_AT + 6, 0xffff, -EBADMSG);
	/* .linux starting past the end, or running past it. */
	damaged(img, size, linux_at + 20, (uint32_t)size + 0x200, -EBADMSG);
	damaged(img, size, linux_at + 20, 0xfffffe00u, -EBADMSG);
	damaged(img, size, linux_at + 20, (uint32_t)size - 0x200, -EBADMSG);
	damaged(img, size, linux_at + 8, 0, 0);	/* VirtualSize 0: raw size */
	damaged(img, size, linux_at + 16, 0x7fffffff, 0); /* VirtualSize wins */
	damaged(img, size, linux_at + 8, 0x7fffffff, 0); /* zero fill */
	/* .initrd and .cmdline are checked the same way. */
	damaged(img, size, FAKE_PE_SECTION_AT(2) + 20, (uint32_t)size,
		-EBADMSG);
	damaged(img, size, FAKE_PE_SECTION_AT(1) + 20, 0xffffffffu, -EBADMSG);
	/* No .linux: a PE program, not a UKI; a longer name is no match. */
	damaged(img, size, linux_at, 0x6e696c2e /* ".lin" */, 0);
	damaged(img, size, linux_at + 4, 0x00007875 /* "ux\0\0" */, 0);
	damaged(img, size, linux_at + 4, 0x00787875 /* "uxx\0" */, -ENOEXEC);
	damaged(img, size, linux_at + 4, 0x78787578 /* "xuxx" */, -ENOEXEC);
	damaged(img, size, linux_at + 4, 0x0078756e /* "nux" */, -ENOEXEC);
	/* A .linux that holds no kernel is a broken UKI. */
	damaged(img, size, linux_at + 20, 0, -EBADMSG);
	free(img);
}

/* The files and command line a request gets from a UKI. */
static void test_inputs(struct bootimg *ctx, const char *uki,
			const char *extra)
{
	const char *initrds[] = { extra };
	struct bootimg_request req = { .size = sizeof(req), .kernel = uki };
	struct bi_inputs in;

	CHECK_EQ(bi_inputs_open(ctx, &req, 0, &in), 0);
	CHECK(strcmp(in.cmdline, UKI_CMDLINE_TRIMMED) == 0);
	CHECK_EQ(in.n_initrds, 1);
	CHECK(in.n_initrds == 1 && in.initrds[0].size == sizeof(initrd));
	bi_inputs_close(&in);

	req.append = "quiet";
	req.initrds = initrds;
	req.n_initrds = 1;
	CHECK_EQ(bi_inputs_open(ctx, &req, 0, &in), 0);
	CHECK(strcmp(in.cmdline, UKI_CMDLINE_TRIMMED " quiet") == 0);
	CHECK_EQ(in.n_initrds, 2);	/* the UKI's first */
	CHECK(in.n_initrds == 2 && in.initrds[0].size == sizeof(initrd) &&
	      in.initrds[1].size == 4);
	bi_inputs_close(&in);

	req.cmdline = "console=ttyS1";
	CHECK_EQ(bi_inputs_open(ctx, &req, 0, &in), 0);
	CHECK(strcmp(in.cmdline, "console=ttyS1 quiet") == 0);
	bi_inputs_close(&in);

	req.cmdline = "";
	req.append = NULL;
	CHECK_EQ(bi_inputs_open(ctx, &req, 0, &in), 0);
	CHECK_EQ(in.cmdline_len, 0);
	bi_inputs_close(&in);
}

/* Through the public interface: the failing file is named. */
static void test_public(struct bootimg *ctx)
{
	size_t size;
	uint8_t *img = fake_uki(UKI_CMDLINE, initrd, sizeof(initrd), &size);
	const char *good = write_temp("good.efi", img, size);
	const char *extra = write_temp("extra.cpio", "0707", 4);
	const char *cut = write_temp("cut.efi", img, size / 2);
	struct bootimg_info info = { .size = sizeof(info) };

	CHECK_EQ(bootimg_probe(ctx, good, &info), 0);
	CHECK(info.container && strcmp(info.container, "UKI") == 0);
	CHECK_EQ(bootimg_probe(ctx, cut, &info), -EBADMSG);
	CHECK(bootimg_error_path(ctx) &&
	      strcmp(bootimg_error_path(ctx), cut) == 0);
	test_inputs(ctx, good, extra);
	free(img);
}

int main(void)
{
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0)
		return 99;
	test_valid();
	test_truncated();
	test_damaged();
	test_public(ctx);
	bootimg_free(ctx);
	temp_cleanup();
	return tap_done();
}
