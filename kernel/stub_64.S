/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The x86_64 relocation stub.  bootimg_arch_prepare() copies it into the
 * control page, which lies outside every destination; it runs there from
 * the identity map and is never returned from.  Being data to the module
 * (it is only ever executed as a copy), it lives in .rodata, and nothing
 * in it depends on where it is: no RET, no absolute address.
 *
 * In:  RDI = first page of the copy list (bootimg-list.h)
 *      RSI = entry point
 *      RDX = CR3 of the identity-only page tables
 * The entry point is entered with paging on, the identity map, interrupts
 * off and no IDT; the purgatory sets up its own GDT and stack.
 */
#include "bootimg-list.h"

#define CR0_TS		(1 << 3)
#define CR0_EM		(1 << 2)
#define CR0_WP		(1 << 16)
#define CR0_AM		(1 << 18)
#define CR0_NW		(1 << 29)
#define CR0_CD		(1 << 30)
#define CR4_PAE		(1 << 5)
#define CR4_LA57	(1 << 12)

	.section .rodata, "a"
	.balign 16
	.globl bootimg_stub64_start
	.globl bootimg_stub64_end
	.code64
bootimg_stub64_start:
	endbr64
	cli
	cld
	movq	%rsi, %r9

	/*
	 * Paging as plain as the boot protocol expects: PAE, and LA57 if it
	 * is on.  Clearing PGE flushes the global TLB entries; PCIDE, SMEP,
	 * SMAP, UMIP go too.  A raw MOV: the kernel pins some bits when its
	 * own helpers write CR4.
	 */
	movq	%cr4, %rax
	andq	$CR4_LA57, %rax
	orq	$CR4_PAE, %rax
	movq	%rax, %cr4
	movq	%rdx, %cr3

	movq	%cr0, %rax
	andq	$~(CR0_TS | CR0_EM | CR0_WP | CR0_AM | CR0_NW | CR0_CD), %rax
	movq	%rax, %cr0

	/* No IDT: a fault from here on resets rather than runs stale code. */
	lidt	.Lno_idt(%rip)
	xorl	%eax, %eax
	movq	%rax, %dr7

	movq	%rdi, %rbx
.Lnext:
	movq	(%rbx), %rcx
	movq	8(%rbx), %rsi
	addq	$16, %rbx
	movq	%rcx, %rax
	andq	$BOOTIMG_OP_MASK, %rax
	andq	$~0xfff, %rcx
	cmpq	$BOOTIMG_OP_COPY, %rax
	je	.Lcopy
	cmpq	$BOOTIMG_OP_ZERO, %rax
	je	.Lzero
	cmpq	$BOOTIMG_OP_NEXT, %rax
	jne	.Lenter
	movq	%rsi, %rbx
	jmp	.Lnext
.Lcopy:
	movq	%rcx, %rdi
	movl	$512, %ecx
	rep movsq
	jmp	.Lnext
.Lzero:
	movq	%rcx, %rdi
	movl	$512, %ecx
	xorl	%eax, %eax
	rep stosq
	jmp	.Lnext

.Lenter:
	xorl	%eax, %eax
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	xorl	%r8d, %r8d
	xorl	%r10d, %r10d
	xorl	%r11d, %r11d
	xorl	%r12d, %r12d
	xorl	%r13d, %r13d
	xorl	%r14d, %r14d
	xorl	%r15d, %r15d
	jmp	*%r9

	.balign	8
.Lno_idt:
	.word	0
	.quad	0
bootimg_stub64_end:
