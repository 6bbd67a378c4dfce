/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The i386 purgatory's first bytes: the header libbootimg fills in
 * (src/common/purgatory-abi.h), then the code that the kernel's i386
 * kexec (or bootimg.ko's 32-bit stub) jumps to: 32-bit protected mode,
 * paging off, ESP somewhere in the control page, our GDT not loaded.
 * It finds its own address (the blob lands wherever the planner put it),
 * takes its own stack and GDT, checks the segments and enters the kernel
 * by the 32-bit boot protocol (F_ENTRY32 is implied).
 */
#include "purgatory-abi.h"

#define BOOT_CS 0x10
#define BOOT_DS 0x18

	.section .text.entry, "ax"
	.code32
	.globl purgatory_header
purgatory_header:
	jmp	purgatory_start			/* header.jump */
	.balign	8, 0
	.long	BOOTIMG_PURGATORY_MAGIC
	.long	BOOTIMG_PURGATORY_VERSION
	.long	purgatory_memsz, 0		/* from the linker script */
	.quad	0				/* entry */
	.quad	0				/* boot_params */
	.long	0				/* nr_regions */
	.long	0				/* flags */
	.long	0				/* eax */
	.long	0				/* ebx */
	.fill	BOOTIMG_PURGATORY_MAX_REGIONS * BOOTIMG_PURGATORY_REGION_SIZE, 1, 0

/* EBX holds the header's address from `here` on. */
#define AT(sym) ((sym) - purgatory_header)(%ebx)

purgatory_start:
	cli
	cld
	call	here				/* the caller's stack, once */
here:
	popl	%ebx
	subl	$(here - purgatory_header), %ebx
	leal	AT(stack_top), %esp
	pushl	%ebx
	call	purgatory_verify		/* returns only if all is well */
	addl	$4, %esp			/* EBX is callee-saved */

	/* A GDT of our own, as the boot protocol asks: code 0x10, data 0x18. */
	leal	AT(gdt), %eax
	movl	%eax, AT(gdt_base)
	lgdt	AT(gdt_limit)
	pushl	$BOOT_CS
	leal	AT(reloaded), %eax
	pushl	%eax
	lret
reloaded:
	movl	$BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs

	pushl	AT(purgatory_header + BOOTIMG_PURGATORY_OFF_ENTRY)	/* RET to it */
	movl	AT(purgatory_header + BOOTIMG_PURGATORY_OFF_BOOT_PARAMS), %esi
	movl	AT(purgatory_header + BOOTIMG_PURGATORY_OFF_EAX), %eax
	movl	AT(purgatory_header + BOOTIMG_PURGATORY_OFF_EBX), %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	ret

	.balign	16
gdt:
	.quad	0				/* null */
	.quad	0				/* unused */
	.quad	0x00cf9a000000ffff		/* 0x10: 32-bit code, flat */
	.quad	0x00cf92000000ffff		/* 0x18: data, flat */
gdt_end:
	.balign	4
	.word	0				/* aligns gdt_base */
gdt_limit:
	.word	gdt_end - gdt - 1
gdt_base:
	.long	0

	.section .bss.stack, "aw", @nobits
	.balign	16
	.skip	16384
stack_top:

	.section .note.GNU-stack, "", @progbits
