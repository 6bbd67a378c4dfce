// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: entries of /sys/firmware/memmap.  The input is split at NUL
 * bytes into start, end and type strings, one entry per three.
 */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "memmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *field[3], *p;
	struct bi_memmap map = { 0 };
	int n = 0;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (p = text; p <= text + size; p += strlen(p) + 1) {
		field[n++] = p;
		if (n == 3) {
			bi_memmap_add_sysfs_entry(&map, field[0], field[1],
						  field[2]);
			n = 0;
		}
	}
	bi_memmap_sort(&map);
	bi_memmap_free(&map);
	free(text);
	return 0;
}
