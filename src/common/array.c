// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"

#define FIRST_CAPACITY 8

int array_reserve(void *array, size_t *cap, size_t want, size_t size)
{
	size_t grown = *cap;
	void *v;

	if (want <= *cap)
		return 0;
	if (!grown)
		grown = FIRST_CAPACITY;
	while (grown < want && grown <= PTRDIFF_MAX / 2)
		grown *= 2;
	if (grown < want)
		grown = want;
	if (size && grown > PTRDIFF_MAX / size)
		return -ENOMEM;
	memcpy(&v, array, sizeof(v));
	v = realloc(v, grown * size);
	if (!v)
		return -ENOMEM;
	memcpy(array, &v, sizeof(v));
	*cap = grown;
	return 0;
}
