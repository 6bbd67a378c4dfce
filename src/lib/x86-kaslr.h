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
#include "purgatory-abi.h"

/* What the placement must leave room for, and below which it stays. */
struct bi_kaslr_room {
	uint64_t mem_limit;	/* mem=; 0: keep the linked physical place */
	uint64_t initrds;	/* bytes, page-aligned, in one piece... */
	uint64_t below;		/* ...from 1 MiB to here */
};

/*
 * Place KERNEL's unpacked vmlinux at a random physical address in the
 * machine's RAM (below CMDLINE's mem=; the linked one with memmap=),
 * leaving room for INITRDS bytes of initrds, and a random virtual
 * offset, drawn from getrandom(2), and check its relocation table,
 * which purgatory applies (kernel->kaslr holds what it needs); or,
 * with "nokaslr" in CMDLINE (status -ECANCELED) or without a table
 * (-ENODATA), leave it where it was linked.  kernel->kaslr says which.
 * bi_cause(RELOCS_DAMAGED): the table is damaged; nothing is changed then.
 */
int bi_x86_kaslr(struct bootimg *ctx, struct bi_kernel *kernel,
		 const char *cmdline, uint64_t initrds);

/*
 * What purgatory needs to relocate KERNEL as bi_x86_kaslr() placed it,
 * but the table's address and the checksum, into *R; the bytes of its
 * table from kernel->kaslr.relocs on, or 0 if there is nothing to do.
 */
size_t bi_x86_kaslr_relocs(const struct bi_kernel *kernel,
			   struct bootimg_purgatory_relocs *r);

/*
 * The placement itself, in MAP's RAM, within ROOM, with RANDOM (two
 * draws: physical, virtual) instead of getrandom(2): for tests.
 */
struct bi_memmap;
int bi_x86_kaslr_place(struct bi_kernel *kernel, const struct bi_memmap *map,
		       const struct bi_kaslr_room *room,
		       const uint64_t random[2]);

#endif
