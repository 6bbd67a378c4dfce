/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * KASLR for fast boot: the choices the kernel's decompressor would make
 * (arch/x86/boot/compressed/kaslr.c), made at load time for the vmlinux
 * bi_bzimage_fast_boot() unpacked.
 */
#ifndef BOOTIMG_X86_KASLR_H
#define BOOTIMG_X86_KASLR_H

#include <stddef.h>
#include "format.h"

/*
 * Place KERNEL's unpacked vmlinux at a random physical address in the
 * machine's RAM (below CMDLINE's mem=; the linked one with memmap=) and a
 * random virtual offset, drawn from getrandom(2), and
 * apply its relocation table; or, with "nokaslr" in CMDLINE (status
 * -ECANCELED) or without a table (-ENODATA), leave it where it was
 * linked.  kernel->kaslr says which.  -EILSEQ: the table is damaged;
 * nothing is changed then.
 */
int bi_x86_kaslr(struct bootimg *ctx, struct bi_kernel *kernel,
		 const char *cmdline);

/*
 * The placement itself, in MAP's RAM below LIMIT (the command line's
 * mem=; 0: the physical place stays the linked one), with RANDOM (two
 * draws: physical, virtual) instead of getrandom(2): for tests.
 */
struct bi_memmap;
int bi_x86_kaslr_place(struct bi_kernel *kernel, const struct bi_memmap *map,
		       uint64_t limit, const uint64_t random[2]);

#endif
