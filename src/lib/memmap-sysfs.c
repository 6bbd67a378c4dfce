// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /sys/firmware/memmap/N/{start,end,type}: the firmware's map, before the
 * running kernel changed it.  "end" is inclusive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "memmap.h"

static int read_value(struct bootimg *ctx, unsigned n, const char *field,
		      char *buf, size_t size)
{
	char path[64];
	int len;

	snprintf(path, sizeof(path), "/sys/firmware/memmap/%u/%s", n, field);
	len = bi_read_sysfile(ctx, path, buf, size);
	if (len < 0)
		return len;
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static int parse_u64(const char *text, uint64_t *value)
{
	char *end;

	errno = 0;
	*value = strtoull(text, &end, 0);
	return errno || end == text || *end ? -EINVAL : 0;
}

int bi_memmap_add_sysfs_entry(struct bi_memmap *map, const char *start_s,
			      const char *end_s, const char *type_s)
{
	uint64_t start, last;
	uint32_t type;

	if (parse_u64(start_s, &start) < 0 || parse_u64(end_s, &last) < 0 ||
	    last < start || last == UINT64_MAX)
		return -EINVAL;
	if (bi_mem_type_from_name(type_s, &type) < 0)
		type = BI_MEM_RESERVED;	/* unknown: keep it away */
	return bi_memmap_add(map, start, last + 1, type);
}

int bi_memmap_read_sysfs(struct bootimg *ctx, struct bi_memmap *map)
{
	unsigned n;

	*map = (struct bi_memmap){ 0 };
	for (n = 0;; n++) {
		char start_s[32], end_s[32], type_s[64];
		int err = read_value(ctx, n, "start", start_s, sizeof(start_s));

		if (err == -ENOENT && n > 0)
			break;
		if (err == 0)
			err = read_value(ctx, n, "end", end_s, sizeof(end_s));
		if (err == 0)
			err = read_value(ctx, n, "type", type_s,
					 sizeof(type_s));
		if (err == 0)
			err = bi_memmap_add_sysfs_entry(map, start_s, end_s,
							type_s);
		if (err < 0) {
			bi_memmap_free(map);
			return err;
		}
	}
	bi_memmap_sort(map);
	return 0;
}
