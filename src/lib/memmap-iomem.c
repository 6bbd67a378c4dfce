// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The top level of /proc/iomem gives the memory map when
 * /sys/firmware/memmap is missing.  Without CAP_SYS_ADMIN the kernel shows
 * every address as zero; that is reported as -EPERM.
 */
#include <stdlib.h>
#include "internal.h"
#include "iomem.h"
#include "memmap.h"

static int add_top_level(void *arg, const struct bi_iomem_entry *e)
{
	struct bi_memmap *map = arg;
	uint32_t type;

	if (e->depth > 0 || bi_mem_type_from_name(e->name, &type) < 0)
		return 0;	/* a child, a bus window or a device */
	if (e->end == 0)
		return -EINVAL;	/* reaches 2^64: no e820 entry can say so */
	return bi_memmap_add(map, e->start, e->end, type);
}

int bi_memmap_parse_iomem(const char *text, size_t len, struct bi_memmap *map)
{
	int err;

	*map = (struct bi_memmap){ 0 };
	err = bi_iomem_parse(text, len, add_top_level, map);
	if (err < 0) {
		bi_memmap_free(map);
		return err;
	}
	bi_memmap_sort(map);
	return 0;
}

int bi_memmap_read_iomem(struct bootimg *ctx, struct bi_memmap *map)
{
	char *text;
	size_t len;
	int err = bi_read_whole(ctx, "/proc/iomem", &text, &len);

	*map = (struct bi_memmap){ 0 };
	if (err < 0)
		return err;
	err = bi_memmap_parse_iomem(text, len, map);
	free(text);
	return err;
}
