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
 * Apply R's lists, whose entries start at WORDS (little-endian 32-bit
 * words, the lists separated by one zero word), to the kernel image at
 * IMAGE (R->image_size bytes, linked at R->image_virt).  -1 if a place
 * lies outside the image: nothing is written then.
 */
int bi_x86_relocs_apply(const struct bootimg_purgatory_relocs *r,
			const void *words, void *image);

#endif
