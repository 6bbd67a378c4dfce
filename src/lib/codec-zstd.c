// SPDX-License-Identifier: GPL-2.0-or-later
/* Zstandard (RFC 8878) through libzstd. */
#include <errno.h>
#include <zstd.h>
#include <zstd_errors.h>
#include "decompress.h"

static int zstd_unpack(const uint8_t *in, size_t size,
		       struct bi_unpacked *out)
{
	ZSTD_DStream *z = ZSTD_createDStream();
	ZSTD_inBuffer src = { .src = in, .size = size };
	size_t left = 1;	/* > 0: the frame is not finished */
	int err = 0;

	if (!z)
		return -ENOMEM;
	while (err == 0 && left != 0) {
		ZSTD_outBuffer dst;

		if (out->size == out->capacity &&
		    (err = bi_unpacked_grow(out)) < 0)
			break;
		dst = (ZSTD_outBuffer){ .dst = out->data,
					.size = out->capacity,
					.pos = out->size };
		left = ZSTD_decompressStream(z, &dst, &src);
		out->size = dst.pos;
		if (ZSTD_isError(left))
			err = ZSTD_getErrorCode(left) ==
			      ZSTD_error_memory_allocation ? -ENOMEM : -EBADMSG;
		else if (left != 0 && src.pos == src.size &&
			 dst.pos < dst.size)
			err = -EBADMSG;	/* input ended inside the frame */
	}
	ZSTD_freeDStream(z);
	return err;
}

static const uint8_t zstd_magic[] = { 0x28, 0xb5, 0x2f, 0xfd };

const struct bi_codec bi_codec_zstd = {
	.name = "zstd",
	.magic = zstd_magic,
	.magic_size = sizeof(zstd_magic),
	.unpack = zstd_unpack,
};
