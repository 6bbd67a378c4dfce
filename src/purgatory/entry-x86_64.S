/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The x86_64 purgatory's first bytes: the header libbootimg fills in
 * (src/common/purgatory-abi.h), then the code the kernel's kexec jumps to.
 * It runs in 64-bit mode on the kernel's identity map, below 4 GiB.
 * Everything is addressed relative to RIP: the blob lands wherever the
 * planner put it.  It enters the kernel in 64-bit mode, or, with
 * F_ENTRY32, leaves long mode and enters it in 32-bit protected mode with
 * paging off (a kernel's 32-bit entry, a 32-bit kernel, multiboot).
 */
#include "purgatory-asm.h"

#define CR0_PG (1 << 31)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)

	.section .text.entry, "ax"
	.code64
	.globl purgatory_header
purgatory_header:
	jmp	purgatory_start			/* header.jump */
	purgatory_header_fields

/* Load GDT (its base found at run time) and far-return to BOOT_CS:TARGET. */
.macro switch_gdt gdt, target
	leaq	\gdt(%rip), %rax
	movq	%rax, \gdt\()_base(%rip)
	lgdt	\gdt\()_limit(%rip)
	pushq	$BOOT_CS
	leaq	\target(%rip), %rax
	pushq	%rax
	lretq
.endm

#define FIELD(off) (purgatory_header + (off))(%rip)

purgatory_start:
	cli
	cld
	leaq	stack_top(%rip), %rsp
	leaq	purgatory_header(%rip), %rdi
	call	purgatory_verify		/* returns only if all is well */
	leaq	purgatory_header(%rip), %rdi
	call	purgatory_relocate		/* the same */
	leaq	purgatory_header(%rip), %rdi
	call	purgatory_breadcrumb

	testl	$BOOTIMG_PURGATORY_F_ENTRY32, FIELD(BOOTIMG_PURGATORY_OFF_FLAGS)
	jnz	enter32

	/* A GDT of our own, as the boot protocol asks: code 0x10, data 0x18. */
	switch_gdt gdt64, reloaded
reloaded:
	load_data_segments

	movq	FIELD(BOOTIMG_PURGATORY_OFF_ENTRY), %rax
	movq	FIELD(BOOTIMG_PURGATORY_OFF_BOOT_PARAMS), %rsi
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

	/*
	 * To 32-bit protected mode: through a 32-bit code segment
	 * (compatibility mode), paging off, which leaves long mode, then
	 * EFER.LME off.  The code, its stack and the kernel's entry are
	 * all below 4 GiB and mapped to themselves.  What the kernel gets
	 * is held in registers across the switch: EDI the entry, ESI
	 * boot_params, EBP its EAX, EBX its EBX.
	 */
enter32:
	movl	FIELD(BOOTIMG_PURGATORY_OFF_ENTRY), %edi
	movl	FIELD(BOOTIMG_PURGATORY_OFF_BOOT_PARAMS), %esi
	movl	FIELD(BOOTIMG_PURGATORY_OFF_EAX), %ebp
	movl	FIELD(BOOTIMG_PURGATORY_OFF_EBX), %ebx
	switch_gdt gdt32, compat

	.code32
compat:
	load_data_segments
	movl	%cr0, %eax
	andl	$~CR0_PG, %eax
	movl	%eax, %cr0			/* long mode off */
	movl	$MSR_EFER, %ecx
	rdmsr
	andl	$~EFER_LME, %eax
	wrmsr
	xorl	%eax, %eax
	movl	%eax, %cr4			/* PAE, PGE, LA57, SMEP... off */
	movl	%eax, %cr3

	pushl	%edi				/* a plain RET to the entry */
	movl	%ebp, %eax
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	ret
	.code64

	.balign	16
gdt64:
	.quad	0				/* null */
	.quad	0				/* unused */
	.quad	0x00af9a000000ffff		/* 0x10: 64-bit code, flat */
	.quad	0x00cf92000000ffff		/* 0x18: data, flat */
gdt64_end:
gdt32:
	gdt_flat32
gdt32_end:
	.balign	2
	.word	0				/* aligns gdt64_base */
gdt64_limit:
	.word	gdt64_end - gdt64 - 1
gdt64_base:
	.quad	0
	.word	0				/* aligns gdt32_base */
gdt32_limit:
	.word	gdt32_end - gdt32 - 1
gdt32_base:
	.quad	0

	.section .bss.stack, "aw", @nobits
	.balign	16
	.skip	16384
stack_top:

	.section .note.GNU-stack, "", @progbits
