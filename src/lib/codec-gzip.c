// SPDX-License-Identifier: GPL-2.0-or-later
/* gzip (RFC 1952) through zlib. */
#include <errno.h>
#include <zlib.h>
#include "decompress.h"

#define GZIP_WINDOW (16 + MAX_WBITS)	/* zlib: expect a gzip header */

static int gzip_unpack(const uint8_t *in, size_t size,
		       struct bi_unpacked *out)
{
	z_stream z = { .next_in = (Bytef *)in };
	int err = 0, ret = Z_OK;

	if (inflateInit2(&z, GZIP_WINDOW) != Z_OK)
		return -ENOMEM;
	while (err == 0 && ret != Z_STREAM_END) {
		if (out->size == out->capacity &&
		    (err = bi_unpacked_grow(out)) < 0)
			break;
		/* zlib counts in uInt: feed at most 1 GiB at a time. */
		z.avail_in = size > (1u << 30) ? 1u << 30 : (uInt)size;
		z.next_out = out->data + out->size;
		z.avail_out = (uInt)(out->capacity - out->size);
		ret = inflate(&z, Z_NO_FLUSH);
		size -= (size_t)(z.next_in - (Bytef *)in);
		in = z.next_in;
		out->size = out->capacity - z.avail_out;
		if (ret == Z_MEM_ERROR)
			err = -ENOMEM;
		else if (ret != Z_OK && ret != Z_STREAM_END)
			err = -EBADMSG;	/* corrupt, or truncated (Z_BUF_ERROR) */
	}
	inflateEnd(&z);
	return err;
}

static const uint8_t gzip_magic[] = { 0x1f, 0x8b, 0x08 };

const struct bi_codec bi_codec_gzip = {
	.name = "gzip",
	.magic = gzip_magic,
	.magic_size = sizeof(gzip_magic),
	.unpack = gzip_unpack,
};
