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
#include "purgatory-asm.h"

	.section .text.entry, "ax"
	.code32
	.globl purgatory_header
purgatory_header:
	jmp	purgatory_start			/* header.jump */
	purgatory_header_fields

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
	call	purgatory_relocate		/* the same, and argument */
	call	purgatory_breadcrumb		/* the same argument */
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
	load_data_segments

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
	gdt_flat32
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
