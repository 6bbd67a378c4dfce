// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Finding and checking a kernel's relocation table in user space: each
 * entry names a place in the image by its link-time virtual address, and
 * every place must lie within the bytes the vmlinux brings.  Purgatory
 * applies the table after its checksums, in the new kernel's memory, so
 * that the vmlinux is handed to kexec untouched.
 */
#include <string.h>
#include "internal.h"
#include "x86-relocs.h"
#include "x86-relocs-apply.h"

#define WORD 4u

static uint32_t word_at(const uint8_t *p, size_t i)
{
	uint32_t w;

	memcpy(&w, p + i * WORD, WORD);
	return w;
}

/* The index of the first zero word in [from, n), or n. */
static size_t next_zero(const uint8_t *p, size_t from, size_t n)
{
	while (from < n && word_at(p, from) != 0)
		from++;
	return from;
}

int bi_x86_relocs_find(const uint8_t *data, size_t size, int is64,
		       struct bi_x86_relocs *relocs)
{
	const uint8_t *table;
	uint64_t elf_end;
	size_t n, end64, end_inverse;
	int err = bi_format_elf.declared_size(data, size, &elf_end);

	if (err < 0)
		return err;
	if (elf_end >= size)
		return -ENODATA;
	table = data + elf_end;
	n = (size - elf_end) / WORD;
	if ((size - elf_end) % WORD || word_at(table, 0) != 0)
		return bi_cause(BOOTIMG_CAUSE_RELOCS_DAMAGED);
	*relocs = (struct bi_x86_relocs){ .words = table + WORD,
					  .is64 = !!is64 };
	if (is64) {
		end64 = next_zero(table, 1, n);
		end_inverse = next_zero(table, end64 + 1, n);
		/* a list without its zero */
		if (end_inverse >= n)
			return bi_cause(BOOTIMG_CAUSE_RELOCS_DAMAGED);
		relocs->n64 = end64 - 1;
		relocs->n_inverse = end_inverse - end64 - 1;
		relocs->n32 = n - end_inverse - 1;
	} else {
		relocs->n32 = n - 1;
	}
	/* a zero among the entries */
	if (next_zero(table, n - relocs->n32, n) != n)
		return bi_cause(BOOTIMG_CAUSE_RELOCS_DAMAGED);
	return 0;
}

/*
 * The offset in DATA of the WIDTH bytes at the place ENTRY names, or
 * RELOCS_DAMAGED if they do not all lie within one segment's bytes from
 * the file.
 */
static int64_t place_of(const struct bi_kernel *kernel, const uint8_t *data,
			int is64, uint64_t kernel_map, uint32_t entry,
			unsigned width)
{
	uint64_t virt = is64 ? (uint64_t)(int64_t)(int32_t)entry : entry;
	uint64_t phys = virt - kernel_map;
	size_t i;

	if (!is64)
		phys &= 0xffffffffu;
	for (i = 0; i < kernel->n_segments; i++) {
		const struct bi_load_segment *s = &kernel->segments[i];

		if (phys >= s->mem && phys - s->mem <= s->bufsz &&
		    s->bufsz - (phys - s->mem) >= width)
			return (s->buf - data) + (int64_t)(phys - s->mem);
	}
	return bi_cause(BOOTIMG_CAUSE_RELOCS_DAMAGED);
}

int bi_x86_relocs_check(const struct bi_x86_relocs *r,
			const struct bi_kernel *kernel, const uint8_t *data,
			uint64_t kernel_map)
{
	struct bi_x86_reloc_list lists[3];
	size_t k, i;

	bi_x86_reloc_lists((uint32_t)r->n64, (uint32_t)r->n_inverse,
			   (uint32_t)r->n32, r->is64, lists);
	for (k = 0; k < 3; k++) {
		const struct bi_x86_reloc_list *l = &lists[k];

		for (i = 0; i < l->count; i++) {
			int64_t at = place_of(kernel, data, r->is64, kernel_map,
					      word_at(r->words, l->first + i),
					      l->width);

			if (at < 0)
				return (int)at;
		}
	}
	return 0;
}
