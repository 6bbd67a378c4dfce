// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The multiboot (version 1) layout of a kexec_load plan:
 *   kernel      each segment at its own address, which must be free RAM;
 *   modules     one segment each, page-aligned, as low as they fit above
 *               1 MiB and below 4 GiB;
 *   information the multiboot information structure, then the module
 *               list, the memory map and the strings it points to, in
 *               one segment below 4 GiB.
 * Purgatory enters the kernel in 32-bit protected mode, paging off, with
 * EAX = 0x2BADB002 and EBX = the information's address.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "plan.h"

#define LOWEST (1ull * BI_MIB)
#define BELOW_4G (1ull << 32)
#define LOWER_MEMORY_MAX 0xa0000u	/* 640 KiB */
#define MB_BOOTLOADER_MAGIC 0x2badb002u
#define LOADER_NAME "bootimg"

/* The information structure's fields, as offsets. */
enum {
	MBI_FLAGS = 0, MBI_MEM_LOWER = 4, MBI_MEM_UPPER = 8, MBI_CMDLINE = 16,
	MBI_MODS_COUNT = 20, MBI_MODS_ADDR = 24, MBI_MMAP_LENGTH = 44,
	MBI_MMAP_ADDR = 48, MBI_LOADER_NAME = 64, MBI_SIZE = 72,
};

/* Its flags: which fields are valid. */
#define MBI_HAS_MEMORY 0x001u
#define MBI_HAS_CMDLINE 0x004u
#define MBI_HAS_MODS 0x008u
#define MBI_HAS_MMAP 0x040u
#define MBI_HAS_LOADER_NAME 0x200u

#define MOD_SIZE 16u			/* start, end, string, reserved */
#define MMAP_ENTRY_SIZE 24u		/* size, base, length, type */

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static void put64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, sizeof(v));
}

static int place_modules(struct bootimg_plan *plan, uint64_t *starts)
{
	size_t i;
	int err = 0;

	for (i = 0; err == 0 && i < plan->in->n_modules; i++) {
		const struct bi_file *f = &plan->in->modules[i];
		struct bi_place where = {
			.size = bi_align_up(f->size ? f->size : 1,
					    BI_PAGE_SIZE),
			.align = BI_PAGE_SIZE, .min = LOWEST, .max = BELOW_4G,
		};

		err = bi_plan_find(plan, &where, &starts[i]);
		if (err == 0)
			err = bi_plan_add(plan, "module", f->data, f->size,
					  starts[i], where.size);
	}
	return err;
}

/* Lower and upper memory in KiB: the RAM from 0, and from 1 MiB. */
static void memory_sizes(const struct bi_memmap *map, uint32_t *lower,
			 uint32_t *upper)
{
	uint64_t low_end = 0, high_end = LOWEST;
	size_t i;

	for (i = 0; i < map->count; i++) {
		const struct bi_mem_range *r = &map->ranges[i];

		if (r->type != BI_MEM_RAM)
			continue;
		if (r->start <= low_end && r->end > low_end)
			low_end = r->end;
		if (r->start <= high_end && r->end > high_end)
			high_end = r->end;
	}
	if (low_end > LOWER_MEMORY_MAX)
		low_end = LOWER_MEMORY_MAX;
	*lower = (uint32_t)(low_end / 1024);
	high_end = (high_end - LOWEST) / 1024;
	*upper = high_end > UINT32_MAX ? UINT32_MAX : (uint32_t)high_end;
}

/* Where the strings start, the command line first. */
static size_t strings_offset(const struct bootimg_plan *plan)
{
	return MBI_SIZE + plan->in->n_modules * MOD_SIZE +
	       plan->map.count * MMAP_ENTRY_SIZE;
}

static size_t info_size(const struct bootimg_plan *plan)
{
	size_t size = strings_offset(plan) + plan->cmdline_len + 1 +
		      sizeof(LOADER_NAME);
	size_t i;

	for (i = 0; i < plan->in->n_modules; i++)
		size += strlen(plan->in->module_args[i]) + 1;
	return size;
}

/* Copy S (LEN bytes) and a NUL to BUF + *AT; its address in memory. */
static uint32_t put_string(uint8_t *buf, size_t *at, uint64_t base,
			   const char *s, size_t len)
{
	uint32_t addr = (uint32_t)(base + *at);

	memcpy(buf + *at, s, len);
	buf[*at + len] = '\0';
	*at += len + 1;
	return addr;
}

/* The information structure for BASE, in BUF (zeroed, info_size()). */
static void fill_info(const struct bootimg_plan *plan, uint8_t *buf,
		      uint64_t base, const uint64_t *starts)
{
	const struct bi_inputs *in = plan->in;
	size_t mods = MBI_SIZE, mmap = mods + in->n_modules * MOD_SIZE;
	size_t at = strings_offset(plan), i;
	uint32_t lower, upper;

	memory_sizes(&plan->map, &lower, &upper);
	put32(buf + MBI_FLAGS, MBI_HAS_MEMORY | MBI_HAS_CMDLINE |
	      MBI_HAS_MODS | MBI_HAS_MMAP | MBI_HAS_LOADER_NAME);
	put32(buf + MBI_MEM_LOWER, lower);
	put32(buf + MBI_MEM_UPPER, upper);
	put32(buf + MBI_MODS_COUNT, (uint32_t)in->n_modules);
	put32(buf + MBI_MODS_ADDR, (uint32_t)(base + mods));
	put32(buf + MBI_MMAP_LENGTH,
	      (uint32_t)(plan->map.count * MMAP_ENTRY_SIZE));
	put32(buf + MBI_MMAP_ADDR, (uint32_t)(base + mmap));
	for (i = 0; i < plan->map.count; i++) {
		const struct bi_mem_range *r = &plan->map.ranges[i];
		uint8_t *e = buf + mmap + i * MMAP_ENTRY_SIZE;

		/* The size field counts the rest of the entry. */
		put32(e, MMAP_ENTRY_SIZE - 4);
		put64(e + 4, r->start);
		put64(e + 12, r->end - r->start);
		put32(e + 20, r->type);
	}
	put32(buf + MBI_CMDLINE, put_string(buf, &at, base, plan->cmdline,
					    plan->cmdline_len));
	put32(buf + MBI_LOADER_NAME, put_string(buf, &at, base, LOADER_NAME,
						sizeof(LOADER_NAME) - 1));
	for (i = 0; i < in->n_modules; i++) {
		const char *s = in->module_args[i];
		uint8_t *m = buf + mods + i * MOD_SIZE;

		put32(m, (uint32_t)starts[i]);
		put32(m + 4, (uint32_t)(starts[i] + in->modules[i].size));
		put32(m + 8, put_string(buf, &at, base, s, strlen(s)));
	}
}

static int place_info(struct bootimg_plan *plan, const uint64_t *starts,
		      uint64_t *base)
{
	size_t size = info_size(plan);
	uint8_t *buf;
	int err = bi_plan_low_buffer(plan, size, base, &buf);

	if (err < 0)
		return err;
	fill_info(plan, buf, *base, starts);
	return bi_plan_add(plan, "multiboot", buf, size, *base, size);
}

static int multiboot_plan(struct bootimg *ctx, struct bootimg_plan *plan,
			  struct bi_entry *entry)
{
	const struct bi_inputs *in = plan->in;
	uint64_t *starts = calloc(in->n_modules + 1, sizeof(*starts));
	uint64_t base = 0;
	int err;

	(void)ctx;
	if (!starts)
		return -ENOMEM;
	err = bi_plan_add_kernel_segments(plan);
	if (err == 0)
		err = place_modules(plan, starts);
	if (err == 0)
		err = place_info(plan, starts, &base);
	if (err == 0) {
		*entry = (struct bi_entry){
			.ip = in->kernel.entry, .mode32 = 1,
			.eax = MB_BOOTLOADER_MAGIC, .ebx = (uint32_t)base,
		};
		plan->summary = (struct bootimg_plan_summary){
			.cmd_line_ptr = base + strings_offset(plan),
			.e820_entries = (uint32_t)plan->map.count,
		};
	}
	free(starts);
	return err;
}

const struct bi_boot_protocol bi_boot_multiboot = {
	.plan = multiboot_plan,
};
