/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the x86_64 and i386 purgatories' entry code shares: the header's
 * fields after its jump, the boot protocol's segments and their flat
 * 32-bit descriptors.  Assembler only.
 */
#ifndef BOOTIMG_PURGATORY_ASM_H
#define BOOTIMG_PURGATORY_ASM_H

#include "purgatory-abi.h"

#define BOOT_CS 0x10
#define BOOT_DS 0x18

/* struct bootimg_purgatory_header from magic on; the loader fills it. */
.macro purgatory_header_fields
	.balign	8, 0
	.long	BOOTIMG_PURGATORY_MAGIC
	.long	BOOTIMG_PURGATORY_VERSION
	.long	purgatory_memsz, 0		/* memsz, from the linker script */
	.quad	0				/* entry */
	.quad	0				/* boot_params */
	.long	0				/* nr_regions */
	.long	0				/* flags */
	.long	0				/* eax */
	.long	0				/* ebx */
	.fill	BOOTIMG_PURGATORY_MAX_REGIONS * BOOTIMG_PURGATORY_REGION_SIZE, 1, 0
	.fill	BOOTIMG_PURGATORY_RELOCS_SIZE, 1, 0	/* relocs */
.endm

.macro load_data_segments
	movl	$BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs
.endm

/* A GDT for the 32-bit boot protocol: 0x10 code, 0x18 data, both flat. */
.macro gdt_flat32
	.quad	0				/* null */
	.quad	0				/* unused */
	.quad	0x00cf9a000000ffff		/* 0x10: 32-bit code */
	.quad	0x00cf92000000ffff		/* 0x18: data */
.endm

#endif
