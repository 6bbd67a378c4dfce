// SPDX-License-Identifier: GPL-2.0-or-later
#include "internal.h"
#include "plan-check.h"

static int in_one_ram_range(const struct bi_memmap *map, uint64_t start,
			    uint64_t end)
{
	size_t i;

	for (i = 0; i < map->count; i++)
		if (map->ranges[i].type == BI_MEM_RAM &&
		    map->ranges[i].start <= start && end <= map->ranges[i].end)
			return 1;
	return 0;
}

const char *plan_broken_promise(const struct bootimg_plan *plan)
{
	size_t i, j;

	for (i = 0; i < plan->n_segments; i++) {
		const struct bi_segment *a = &plan->segments[i];

		if (a->mem % BI_PAGE_SIZE || a->memsz % BI_PAGE_SIZE)
			return "a segment is not page-aligned";
		if (a->bufsz > a->memsz)
			return "a segment has more bytes than memory";
		if (a->mem + a->memsz < a->mem)
			return "a segment wraps around";
		if (!in_one_ram_range(&plan->map, a->mem, a->mem + a->memsz))
			return "a segment is not inside one RAM range";
		for (j = i + 1; j < plan->n_segments; j++) {
			const struct bi_segment *b = &plan->segments[j];

			if (a->mem < b->mem + b->memsz &&
			    b->mem < a->mem + a->memsz)
				return "two segments overlap";
		}
	}
	return NULL;
}
