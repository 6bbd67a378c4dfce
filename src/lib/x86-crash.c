// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * An x86 panic kernel's plan.  It may use only the crashkernel=
 * reservation: its e820 map lists the reservation as RAM, the RAM below
 * 1 MiB (which the first kernel leaves alone), and every non-RAM range of
 * the firmware's map (ACPI tables, NVS, reserved), so that it finds its
 * tables and keeps off the devices.  The ELF core header goes into the
 * reservation too, marked reserved in that map, and elfcorehdr= on the
 * command line says where.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "crash.h"
#include "internal.h"

#define LOW_RAM_END BI_MIB

/* MAP with the RAM replaced by the low RAM and the reserved ranges. */
static int crash_map(const struct bi_memmap *full,
		     const struct bi_crash_facts *f, struct bi_memmap *map)
{
	size_t i;
	int err = 0;

	*map = (struct bi_memmap){ 0 };
	for (i = 0; err == 0 && i < full->count; i++) {
		const struct bi_mem_range *r = &full->ranges[i];

		if (r->type != BI_MEM_RAM)
			err = bi_memmap_add(map, r->start, r->end, r->type);
		else if (r->start < LOW_RAM_END)
			err = bi_memmap_add(map, r->start,
					    r->end < LOW_RAM_END ? r->end
								 : LOW_RAM_END,
					    BI_MEM_RAM);
	}
	for (i = 0; err == 0 && i < f->n_reserved; i++)
		err = bi_memmap_add(map, f->reserved[i].start,
				    f->reserved[i].end, BI_MEM_RAM);
	if (err < 0) {
		bi_memmap_free(map);
		return err;
	}
	bi_memmap_sort(map);
	return 0;
}

/* Mark [start, end), inside one RAM range of MAP, reserved. */
static int carve(struct bi_memmap *map, uint64_t start, uint64_t end)
{
	size_t i;
	int err = 0;

	for (i = 0; i < map->count; i++) {
		struct bi_mem_range r = map->ranges[i];

		if (r.type != BI_MEM_RAM || start < r.start || end > r.end)
			continue;
		map->ranges[i].end = start;	/* may become empty */
		if (start == r.start)
			map->ranges[i] = map->ranges[--map->count];
		err = bi_memmap_add(map, start, end, BI_MEM_RESERVED);
		if (err == 0 && end < r.end)
			err = bi_memmap_add(map, end, r.end, BI_MEM_RAM);
		bi_memmap_sort(map);
		return err;
	}
	return -EINVAL;
}

static int add_elfcorehdr(struct bootimg_plan *plan,
			  const struct bi_crash_facts *f, uint64_t *addr)
{
	struct bi_place where = {
		.align = BI_PAGE_SIZE, .min = BI_MIB, .max = ~0ull,
		.top_down = 1,
	};
	uint8_t *buf;
	size_t size;
	int err = bi_elfcore_build(&f->core, &buf, &size);

	if (err < 0)
		return err;
	err = bi_plan_own(plan, buf);
	where.size = bi_align_up(size, BI_PAGE_SIZE);
	if (err == 0)
		err = bi_plan_find(plan, &where, addr);
	if (err == 0)
		err = bi_plan_add(plan, "elfcorehdr", buf, size, *addr, size);
	if (err == 0)
		err = carve(&plan->map, *addr, *addr + where.size);
	return err;
}

static int add_cmdline(struct bootimg_plan *plan, uint64_t elfcorehdr)
{
	size_t len = plan->cmdline_len + 40;
	char *cmdline = malloc(len);
	int n, err;

	if (!cmdline)
		return -ENOMEM;
	err = bi_plan_own(plan, cmdline);
	if (err < 0)
		return err;
	n = snprintf(cmdline, len, "%s%selfcorehdr=0x%llx", plan->cmdline,
		     plan->cmdline_len ? " " : "",
		     (unsigned long long)elfcorehdr);
	if (n < 0 || (size_t)n >= len)
		return -EINVAL;
	if ((size_t)n > plan->in->kernel.info.cmdline_size)
		return -E2BIG;
	plan->cmdline = cmdline;
	plan->cmdline_len = (size_t)n;
	return 0;
}

int bi_arch_crash_plan(struct bootimg *ctx, struct bootimg_plan *plan)
{
	struct bi_crash_facts facts;
	struct bi_memmap map;
	uint64_t elfcorehdr;
	int err = bi_crash_facts_read(ctx, &facts);

	if (err < 0)
		return err;
	err = crash_map(&plan->map, &facts, &map);
	if (err == 0) {
		bi_memmap_free(&plan->map);
		plan->map = map;
		err = add_elfcorehdr(plan, &facts, &elfcorehdr);
	}
	if (err == 0)
		err = add_cmdline(plan, elfcorehdr);
	bi_crash_facts_free(&facts);
	return err;
}
