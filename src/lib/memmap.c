// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "internal.h"
#include "macros.h"
#include "memmap.h"

static const struct {
	const char *name;
	uint32_t type;
} type_names[] = {
	{ "System RAM", BI_MEM_RAM },
	{ "Reserved", BI_MEM_RESERVED },
	{ "reserved", BI_MEM_RESERVED },
	{ "ACPI Tables", BI_MEM_ACPI },
	{ "ACPI Non-volatile Storage", BI_MEM_NVS },
	{ "Unusable memory", BI_MEM_UNUSABLE },
	{ "Persistent Memory (legacy)", BI_MEM_PRAM },
	{ "Persistent Memory", BI_MEM_PMEM },
	{ "Soft Reserved", BI_MEM_SOFT_RESERVED },
};

int bi_mem_type_from_name(const char *name, uint32_t *type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(type_names); i++) {
		if (strcmp(name, type_names[i].name) == 0) {
			*type = type_names[i].type;
			return 0;
		}
	}
	return -ENOENT;
}

int bi_memmap_add(struct bi_memmap *map, uint64_t start, uint64_t end,
		  uint32_t type)
{
	int err;

	if (end <= start)
		return -EINVAL;
	err = array_reserve(&map->ranges, &map->cap, map->count + 1,
			    sizeof(*map->ranges));
	if (err < 0)
		return err;
	map->ranges[map->count++] =
		(struct bi_mem_range){ .start = start, .end = end, .type = type };
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const struct bi_mem_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

void bi_memmap_sort(struct bi_memmap *map)
{
	if (map->count)
		qsort(map->ranges, map->count, sizeof(map->ranges[0]),
		      by_start);
}

void bi_memmap_free(struct bi_memmap *map)
{
	free(map->ranges);
	*map = (struct bi_memmap){ 0 };
}

int bi_memmap_read(struct bootimg *ctx, struct bi_memmap *map)
{
	int err = bi_memmap_read_sysfs(ctx, map);

	if (err == -ENOENT)
		err = bi_memmap_read_iomem(ctx, map);
	if (err == 0 && map->count == 0)
		err = -ENODATA;
	return err;
}
