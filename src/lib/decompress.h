/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Decompressors for whole-file compressed kernels (gzip, xz, zstd), behind
 * one small interface so that any part of the library can unpack a buffer
 * without knowing the codec: find the codec by its magic, then unpack.
 */
#ifndef BOOTIMG_DECOMPRESS_H
#define BOOTIMG_DECOMPRESS_H

#include <stddef.h>
#include <stdint.h>

/* Nothing a kernel image unpacks to is this large: -EFBIG beyond it. */
#define BI_UNPACK_MAX (1024ull * 1024 * 1024)

/* A growing output buffer the codecs write into. */
struct bi_unpacked {
	uint8_t *data;
	size_t size;		/* bytes written */
	size_t capacity;
	size_t limit;		/* never more than this */
};

/* Make room for at least one more byte; -EFBIG past out->limit. */
int bi_unpacked_grow(struct bi_unpacked *out);

struct bi_codec {
	const char *name;		/* "gzip", "xz", "zstd" */
	const uint8_t *magic;
	size_t magic_size;
	/*
	 * Unpack the first stream of IN (data after it is ignored) into OUT.
	 * -EBADMSG: corrupt or truncated; -ENOMEM; -EFBIG.
	 */
	int (*unpack)(const uint8_t *in, size_t size, struct bi_unpacked *out);
};

extern const struct bi_codec bi_codec_gzip;
extern const struct bi_codec bi_codec_xz;
extern const struct bi_codec bi_codec_zstd;

/* The codec whose magic DATA starts with, or NULL. */
const struct bi_codec *bi_codec_detect(const uint8_t *data, size_t size);

/*
 * Unpack DATA with CODEC into a malloc'd buffer (*OUT, *OUT_SIZE; the
 * caller frees it), bi_cause(DECOMPRESSION_BOMB) past LIMIT bytes.
 * Nothing is allocated on failure.  bi_decompress() is the same with
 * LIMIT BI_UNPACK_MAX.
 */
int bi_decompress_max(const struct bi_codec *codec, const uint8_t *data,
		      size_t size, size_t limit, uint8_t **out,
		      size_t *out_size);
int bi_decompress(const struct bi_codec *codec, const uint8_t *data,
		  size_t size, uint8_t **out, size_t *out_size);

/*
 * The first LIMIT bytes DATA unpacks to, or all of them if fewer: 1 if
 * the stream goes on past LIMIT, 0 if *OUT holds all of it.
 */
int bi_decompress_prefix(const struct bi_codec *codec, const uint8_t *data,
			 size_t size, size_t limit, uint8_t **out,
			 size_t *out_size);

#endif
