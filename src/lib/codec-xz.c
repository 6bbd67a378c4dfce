// SPDX-License-Identifier: GPL-2.0-or-later
/* xz through liblzma. */
#include <errno.h>
#include <lzma.h>
#include "decompress.h"

static int xz_error(lzma_ret ret)
{
	return ret == LZMA_MEM_ERROR ? -ENOMEM : -EBADMSG;
}

static int xz_unpack(const uint8_t *in, size_t size, struct bi_unpacked *out)
{
	lzma_stream s = LZMA_STREAM_INIT;
	lzma_ret ret = lzma_stream_decoder(&s, UINT64_MAX, 0);
	int err = 0;

	if (ret != LZMA_OK)
		return xz_error(ret);
	s.next_in = in;
	s.avail_in = size;
	while (err == 0 && ret != LZMA_STREAM_END) {
		if (out->size == out->capacity &&
		    (err = bi_unpacked_grow(out)) < 0)
			break;
		s.next_out = out->data + out->size;
		s.avail_out = out->capacity - out->size;
		/* All input is there: a truncated stream is LZMA_BUF_ERROR. */
		ret = lzma_code(&s, LZMA_FINISH);
		out->size = out->capacity - s.avail_out;
		if (ret != LZMA_OK && ret != LZMA_STREAM_END)
			err = xz_error(ret);
	}
	lzma_end(&s);
	return err;
}

static const uint8_t xz_magic[] = { 0xfd, '7', 'z', 'X', 'Z', 0x00 };

const struct bi_codec bi_codec_xz = {
	.name = "xz",
	.magic = xz_magic,
	.magic_size = sizeof(xz_magic),
	.unpack = xz_unpack,
};
