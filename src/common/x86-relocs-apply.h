/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The relocation rule of an x86 kernel's table (arch/x86/tools/relocs),
 * as its decompressor applies it: each entry names a place by its
 * link-time virtual address (sign-extended on x86_64); 64-bit and 32-bit
 * places get the offset added, inverse 32-bit places (per-CPU references
 * on x86_64) get it subtracted.  Freestanding: built into libbootimg
 * (its tests) and into purgatory, which applies it in the new kernel's
 * memory.
 */
#ifndef BOOTIMG_X86_RELOCS_APPLY_H
#define BOOTIMG_X86_RELOCS_APPLY_H

#include "purgatory-abi.h"

/*
 * One list of a table: its first entry's index among the 32-bit words,
 * its entries, each place's width, and +1 to add the offset or -1 to
 * subtract it.
 */
struct bi_x86_reloc_list {
	uint32_t first, count, width;
	int sign;
};

/*
 * The lists of a table of N64, N_INVERSE and N32 entries, in table order:
 * x86_64's three (IS64), else i386's one, the last.
 */
void bi_x86_reloc_lists(uint32_t n64, uint32_t n_inverse, uint32_t n32,
			int is64, struct bi_x86_reloc_list l[3]);

/*
 * Apply R's lists, whose entries start at WORDS (little-endian 32-bit
 * words, the lists separated by one zero word), to the kernel image at
 * IMAGE (R->image_size bytes, linked at R->image_virt).  -1 if a place
 * lies outside the image: nothing is written then.
 */
int bi_x86_relocs_apply(const struct bootimg_purgatory_relocs *r,
			const void *words, void *image);

#endif
