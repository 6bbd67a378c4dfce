/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The purgatory's first bytes: the header libbootimg fills in
 * (src/common/purgatory-abi.h), then the code the kernel's kexec jumps to.
 * It runs in 64-bit mode on the kernel's identity map, with no stack.
 * Everything is addressed relative to RIP: the blob lands wherever the
 * planner put it.
 */
#include "purgatory-abi.h"

#define BOOT_CS 0x10
#define BOOT_DS 0x18

	.section .text.entry, "ax"
	.code64
	.globl purgatory_header
purgatory_header:
	jmp	purgatory_start			/* header.jump */
	.balign	8, 0
	.long	BOOTIMG_PURGATORY_MAGIC
	.long	BOOTIMG_PURGATORY_VERSION
	.quad	purgatory_memsz			/* from the linker script */
header_entry:
	.quad	0				/* entry */
header_boot_params:
	.quad	0				/* boot_params */
	.long	0				/* nr_regions */
	.long	0				/* flags */
	.fill	BOOTIMG_PURGATORY_MAX_REGIONS * BOOTIMG_PURGATORY_REGION_SIZE, 1, 0

purgatory_start:
	cli
	cld
	leaq	stack_top(%rip), %rsp
	leaq	purgatory_header(%rip), %rdi
	call	purgatory_verify		/* returns only if all is well */

	/* A GDT of our own, as the boot protocol asks: code 0x10, data 0x18. */
	leaq	gdt(%rip), %rax
	movq	%rax, gdt_base(%rip)
	lgdt	gdt_limit(%rip)
	pushq	$BOOT_CS
	leaq	reloaded(%rip), %rax
	pushq	%rax
	lretq
reloaded:
	movl	$BOOT_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	movl	%eax, %fs
	movl	%eax, %gs

	movq	header_entry(%rip), %rax
	movq	header_boot_params(%rip), %rsi
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	xorl	%r8d, %r8d
	xorl	%r9d, %r9d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
	jmp	*%rax

	.balign	16
gdt:
	.quad	0				/* null */
	.quad	0				/* unused */
	.quad	0x00af9a000000ffff		/* 0x10: 64-bit code, flat */
	.quad	0x00cf92000000ffff		/* 0x18: data, flat */
gdt_end:
	.balign	2
	.word	0				/* aligns gdt_base */
gdt_limit:
	.word	gdt_end - gdt - 1
gdt_base:
	.quad	0

	.section .bss.stack, "aw", @nobits
	.balign	16
	.skip	16384
stack_top:

	.section .note.GNU-stack, "", @progbits
