// SPDX-License-Identifier: GPL-2.0-or-later
/* Whole-file compressed kernels: each codec on a made-up bzImage and, when
 * the test suite has downloaded one, on the real Debian kernel; truncated
 * and corrupted streams are refused as broken images, naming the file. */
#include <errno.h>
#include <lzma.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>
#include "bootimg.h"
#include "decompress.h"
#include "failed-as.h"
#include "fake-bzimage.h"
#include "format.h"
#include "files.h"
#include "macros.h"
#include "internal.h"
#include "tap.h"

struct packed {
	uint8_t *data;
	size_t size;
};

static struct packed pack_gzip(const uint8_t *in, size_t size)
{
	struct packed p = { malloc(size + size / 8 + 1024), 0 };
	z_stream z = { .next_in = (Bytef *)in, .avail_in = (uInt)size };

	deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	z.next_out = p.data;
	z.avail_out = (uInt)(size + size / 8 + 1024);
	if (deflate(&z, Z_FINISH) == Z_STREAM_END)
		p.size = z.total_out;
	deflateEnd(&z);
	return p;
}

static struct packed pack_xz(const uint8_t *in, size_t size)
{
	size_t cap = lzma_stream_buffer_bound(size);
	struct packed p = { malloc(cap), 0 };

	if (lzma_easy_buffer_encode(0, LZMA_CHECK_CRC64, NULL, in, size,
				    p.data, &p.size, cap) != LZMA_OK)
		p.size = 0;
	return p;
}

/* With a checksum, as the zstd command writes by default. */
static struct packed pack_zstd(const uint8_t *in, size_t size)
{
	size_t cap = ZSTD_compressBound(size);
	struct packed p = { malloc(cap), 0 };
	ZSTD_CCtx *z = ZSTD_createCCtx();
	size_t n;

	ZSTD_CCtx_setParameter(z, ZSTD_c_checksumFlag, 1);
	n = ZSTD_compress2(z, p.data, cap, in, size);
	ZSTD_freeCCtx(z);
	p.size = ZSTD_isError(n) ? 0 : n;
	return p;
}

static const struct {
	const char *name;
	struct packed (*pack)(const uint8_t *in, size_t size);
} codecs[] = {
	{ "gzip", pack_gzip },
	{ "xz", pack_xz },
	{ "zstd", pack_zstd },
};

/* The kernel inside PATH, through the library's own probe. */
static int probe_kernel(const char *path, struct bi_kernel *kernel,
			struct bi_file *file)
{
	struct bootimg *ctx;
	int err;

	if (bootimg_new(&ctx) < 0)
		return -ENOMEM;
	err = bi_file_open(ctx, path, file);
	bootimg_free(ctx);
	if (err < 0)
		return err;
	err = bi_probe_file(file, kernel);
	if (err < 0)
		bi_file_close(file);
	return err;
}

static void test_codec(struct bootimg *ctx, size_t c, const uint8_t *img,
		       size_t size)
{
	struct packed p = codecs[c].pack(img, size);
	struct bootimg_info info = { .size = sizeof(info) };
	struct bi_kernel kernel;
	struct bi_file file;
	const char *path;
	char name[32];

	CHECK(p.size > 0);
	snprintf(name, sizeof(name), "fake.%s", codecs[c].name);
	path = write_temp(name, p.data, p.size);
	CHECK_EQ(bootimg_probe(ctx, path, &info), 0);
	CHECK(strcmp(info.format, "bzImage") == 0);
	CHECK(info.compression && strcmp(info.compression,
					 codecs[c].name) == 0);
	CHECK(info.container == NULL);
	CHECK(strcmp(info.version, FAKE_VERSION) == 0);
	CHECK_EQ(info.file_size, p.size);
	CHECK_EQ(info.payload_size, FAKE_PAYLOAD_SIZE);
	if (probe_kernel(path, &kernel, &file) == 0) {
		CHECK_EQ(kernel.image.size, size);
		CHECK_EQ(kernel.image.fd, -1);
		CHECK(memcmp(kernel.image.data, img, size) == 0);
		CHECK(memcmp(kernel.payload, img + size - FAKE_PAYLOAD_SIZE,
			     FAKE_PAYLOAD_SIZE) == 0);
		CHECK(kernel.file_loadable);
		bi_kernel_release(&kernel);
		bi_file_close(&file);
	} else {
		CHECK(!"the internal probe failed");
	}

	snprintf(name, sizeof(name), "short.%s", codecs[c].name);
	path = write_temp(name, p.data, p.size - 9);
	CHECK_EQ(bootimg_probe(ctx, path, &info), -EBADMSG);
	CHECK(strcmp(bootimg_error_path(ctx), path) == 0);
	snprintf(name, sizeof(name), "magic.%s", codecs[c].name);
	CHECK_EQ(bootimg_probe(ctx, write_temp(name, p.data, 6), &info),
		 -EBADMSG);
	p.data[p.size / 2] ^= 0x55;
	p.data[p.size / 2 + 1] ^= 0xaa;
	snprintf(name, sizeof(name), "corrupt.%s", codecs[c].name);
	CHECK_EQ(bootimg_probe(ctx, write_temp(name, p.data, p.size), &info),
		 -EBADMSG);
	free(p.data);

	p = codecs[c].pack((const uint8_t *)"#!/bin/sh\necho hi\n", 18);
	snprintf(name, sizeof(name), "script.%s", codecs[c].name);
	CHECK_EQ(bootimg_probe(ctx, write_temp(name, p.data, p.size), &info),
		 -ENOEXEC);
	free(p.data);
}

/* The public interface the other formats use, on its own. */
static void test_api(void)
{
	static const uint8_t text[] = "bootimg decompresses this";
	struct packed p = pack_zstd(text, sizeof(text));
	const struct bi_codec *codec = bi_codec_detect(p.data, p.size);
	uint8_t *out = NULL;
	size_t size = 0;

	CHECK(codec == &bi_codec_zstd);
	CHECK(bi_codec_detect(text, sizeof(text)) == NULL);
	CHECK(bi_codec_detect(p.data, 3) == NULL);
	CHECK_EQ(bi_decompress(codec, p.data, p.size, &out, &size), 0);
	CHECK(size == sizeof(text) && memcmp(out, text, size) == 0);
	free(out);
	/* Trailing bytes after the stream (a bzImage payload's size word). */
	p.data = realloc(p.data, p.size + 4);
	memcpy(p.data + p.size, "\x10\x20\x30\x40", 4);
	CHECK_EQ(bi_decompress(codec, p.data, p.size + 4, &out, &size), 0);
	CHECK_EQ(size, sizeof(text));
	free(out);
	free(p.data);
}

/* Bounded unpacking: a prefix, a limit, and the sizes headers declare. */
static void test_bounds(struct bootimg *ctx)
{
	size_t size = fake_bzimage_size(), n = 0;
	uint8_t *img = calloc(1, size + 4 * 1024 * 1024), *out = NULL;
	struct packed p, tail;
	struct bootimg_info info = { .size = sizeof(info) };
	uint64_t declared = 0;

	fake_bzimage(img);
	p = pack_gzip(img, size);
	CHECK_EQ(bi_decompress_prefix(&bi_codec_gzip, p.data, p.size, 1000,
				      &out, &n), 1);
	CHECK(n == 1000 && memcmp(out, img, n) == 0);
	free(out);
	CHECK_EQ(bi_decompress_prefix(&bi_codec_gzip, p.data, p.size, size,
				      &out, &n), 0);
	CHECK(n == size && memcmp(out, img, n) == 0);
	free(out);
	CHECK_EQ(bi_decompress_max(&bi_codec_gzip, p.data, p.size, size - 1,
				   &out, &n),
		 bi_cause(BOOTIMG_CAUSE_DECOMPRESSION_BOMB));
	CHECK_EQ(bi_kernel_declared_size(img, 4096, &declared), 0);
	CHECK_EQ(declared, size);
	CHECK_EQ(bi_kernel_declared_size(img + size, 4096, &declared),
		 -ENOEXEC);	/* zeros */
	free(p.data);
	/* A bzImage and 4 MiB of zeros: more than its header declares. */
	tail = pack_gzip(img, size + 4 * 1024 * 1024);
	CHECK(failed_as(ctx, bootimg_probe(ctx, write_temp("tail.gz",
			tail.data, tail.size), &info),
			bi_cause(BOOTIMG_CAUSE_DECOMPRESSION_BOMB)));
	free(tail.data);
	free(img);
}

static void test_real(struct bootimg *ctx)
{
	const char *path = getenv("BOOTIMG_TEST_KERNEL");
	struct bootimg_info plain = { .size = sizeof(plain) };
	struct bootimg_info info = { .size = sizeof(info) };
	size_t size = 0, c;
	uint8_t *img;

	if (!path || !*path) {
		tap_skip("BOOTIMG_TEST_KERNEL is not set");
		return;
	}
	img = read_all(path, &size);
	CHECK(img != NULL);
	CHECK_EQ(bootimg_probe(ctx, path, &plain), 0);
	for (c = 0; img && c < ARRAY_SIZE(codecs); c++) {
		struct packed p = codecs[c].pack(img, size);

		CHECK_EQ(bootimg_probe(ctx, write_temp("real", p.data, p.size),
				       &info), 0);
		CHECK(strcmp(info.version, plain.version) == 0);
		CHECK(strcmp(info.compression, codecs[c].name) == 0);
		CHECK_EQ(info.init_size, plain.init_size);
		CHECK_EQ(bootimg_probe(ctx, write_temp("real-half", p.data,
						       p.size / 2), &info),
			 -EBADMSG);
		free(p.data);
	}
	free(img);
}

int main(void)
{
	size_t size = fake_bzimage_size(), c;
	uint8_t *img = malloc(size);
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0)
		return 99;
	fake_bzimage(img);
	for (c = 0; c < ARRAY_SIZE(codecs); c++)
		test_codec(ctx, c, img, size);
	test_api();
	test_bounds(ctx);
	test_real(ctx);
	bootimg_free(ctx);
	free(img);
	temp_cleanup();
	return tap_done();
}
