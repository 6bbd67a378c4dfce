// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "decompress.h"
#include "macros.h"

#define FIRST_CAPACITY (4u * 1024 * 1024)

static const struct bi_codec *const codecs[] = {
	&bi_codec_gzip,
	&bi_codec_xz,
	&bi_codec_zstd,
};

const struct bi_codec *bi_codec_detect(const uint8_t *data, size_t size)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(codecs); i++) {
		const struct bi_codec *c = codecs[i];

		if (size >= c->magic_size &&
		    memcmp(data, c->magic, c->magic_size) == 0)
			return c;
	}
	return NULL;
}

int bi_unpacked_grow(struct bi_unpacked *out)
{
	size_t capacity = out->capacity ? out->capacity * 2 : FIRST_CAPACITY;
	uint8_t *data;

	if (out->capacity >= out->limit)
		return -EFBIG;
	if (capacity > out->limit)
		capacity = out->limit;
	data = realloc(out->data, capacity);
	if (!data)
		return -ENOMEM;
	out->data = data;
	out->capacity = capacity;
	return 0;
}

int bi_decompress_prefix(const struct bi_codec *codec, const uint8_t *data,
			 size_t size, size_t limit, uint8_t **out,
			 size_t *out_size)
{
	struct bi_unpacked unpacked = { .limit = limit };
	int err = codec->unpack(data, size, &unpacked);

	if (err < 0 && err != -EFBIG) {
		free(unpacked.data);
		return err;
	}
	*out = unpacked.data;
	*out_size = unpacked.size;
	return err == -EFBIG;
}

int bi_decompress_max(const struct bi_codec *codec, const uint8_t *data,
		      size_t size, size_t limit, uint8_t **out,
		      size_t *out_size)
{
	int more = bi_decompress_prefix(codec, data, size, limit, out,
					out_size);

	if (more > 0) {
		free(*out);
		*out = NULL;
		return -EFBIG;
	}
	return more;
}

int bi_decompress(const struct bi_codec *codec, const uint8_t *data,
		  size_t size, uint8_t **out, size_t *out_size)
{
	return bi_decompress_max(codec, data, size, BI_UNPACK_MAX, out,
				 out_size);
}
