// SPDX-License-Identifier: GPL-2.0-or-later
/* Extensible public structs' size fields, read in and written out. */
#include <errno.h>
#include <string.h>
#include "extensible.h"

/* The size field that begins every extensible struct. */
static size_t size_of(const void *s)
{
	size_t size;

	memcpy(&size, s, sizeof(size));
	return size;
}

int ext_in(void *dst, size_t size, const void *src, size_t v1_size)
{
	const unsigned char *bytes = src;
	size_t given = size_of(src), i;

	if (given < v1_size)
		return -EINVAL;
	for (i = size; i < given; i++)
		if (bytes[i])
			return -E2BIG;
	memset(dst, 0, size);
	memcpy(dst, src, given < size ? given : size);
	memcpy(dst, &size, sizeof(size));
	return 0;
}

int ext_out_ok(const void *dst, size_t v1_size)
{
	return size_of(dst) < v1_size ? -EINVAL : 0;
}

void ext_out(void *dst, const void *src, size_t size)
{
	size_t given = size_of(dst);

	if (given > size)
		given = size;
	memcpy(dst, src, given);
	memcpy(dst, &given, sizeof(given));
}
