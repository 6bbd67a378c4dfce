/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The machine's physical memory map, as the firmware described it. */
#ifndef BOOTIMG_MEMMAP_H
#define BOOTIMG_MEMMAP_H

#include <stddef.h>
#include <stdint.h>

struct bootimg;

/* e820 type numbers, as the boot protocol passes them. */
enum bi_mem_type {
	BI_MEM_RAM = 1,
	BI_MEM_RESERVED = 2,
	BI_MEM_ACPI = 3,
	BI_MEM_NVS = 4,
	BI_MEM_UNUSABLE = 5,
	BI_MEM_PMEM = 7,
	BI_MEM_PRAM = 12,
	BI_MEM_SOFT_RESERVED = 0xefffffff,
};

struct bi_mem_range {
	uint64_t start;
	uint64_t end;		/* exclusive */
	uint32_t type;
};

struct bi_memmap {
	struct bi_mem_range *ranges;	/* sorted by start */
	size_t count, cap;
};

/* /sys/firmware/memmap, else the top level of /proc/iomem. */
int bi_memmap_read(struct bootimg *ctx, struct bi_memmap *map);
int bi_memmap_read_sysfs(struct bootimg *ctx, struct bi_memmap *map);
int bi_memmap_read_iomem(struct bootimg *ctx, struct bi_memmap *map);
void bi_memmap_free(struct bi_memmap *map);

/* The parsers behind the readers: /proc/iomem text, one sysfs entry. */
int bi_memmap_parse_iomem(const char *text, size_t len, struct bi_memmap *map);
int bi_memmap_add_sysfs_entry(struct bi_memmap *map, const char *start,
			      const char *end, const char *type);

int bi_memmap_add(struct bi_memmap *map, uint64_t start, uint64_t end,
		  uint32_t type);
void bi_memmap_sort(struct bi_memmap *map);

/* The e820 type for a name used by /sys/firmware/memmap or /proc/iomem. */
int bi_mem_type_from_name(const char *name, uint32_t *type);

#endif
