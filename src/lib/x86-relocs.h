/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The relocation table a relocatable x86 kernel's build appends to its
 * vmlinux before compressing it (arch/x86/tools/relocs, vmlinux.relocs).
 * It is a run of little-endian 32-bit words: each the kernel virtual
 * address of a place to adjust (sign-extended on x86_64), lists separated
 * by a zero word.  x86_64: 0, the 64-bit places, 0, the inverse 32-bit
 * places (subtract), 0, the 32-bit places.  i386: 0, the 32-bit places.
 */
#ifndef BOOTIMG_X86_RELOCS_H
#define BOOTIMG_X86_RELOCS_H

#include <stddef.h>
#include <stdint.h>
#include "format.h"

struct bi_x86_relocs {
	const uint8_t *words;		/* the first list's first entry */
	size_t n64, n_inverse, n32;	/* entries in each list */
	unsigned is64 : 1;		/* x86_64's layout: three lists */
};

/*
 * The table after the ELF vmlinux in DATA (SIZE bytes: the whole unpacked
 * payload).  -ENODATA: nothing follows the ELF file, the kernel has no
 * table; bi_cause(RELOCS_DAMAGED): the table is damaged (a size not a
 * multiple of 4, a missing zero between lists, a zero where an entry
 * belongs).
 */
int bi_x86_relocs_find(const uint8_t *data, size_t size, int is64,
		       struct bi_x86_relocs *relocs);

/*
 * Check that every place of RELOCS lies within the file bytes of a
 * segment of the vmlinux KERNEL describes (its segments point into
 * DATA); RELOCS_DAMAGED if one does not.  KERNEL_MAP is the virtual
 * address of physical 0 in the kernel's own mapping (its first segment's
 * p_vaddr - p_paddr).  Purgatory applies the checked table
 * (src/common/x86-relocs-apply.h), which trusts this check.
 */
int bi_x86_relocs_check(const struct bi_x86_relocs *relocs,
			const struct bi_kernel *kernel, const uint8_t *data,
			uint64_t kernel_map);

#endif
