/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The i386 relocation stub.  bootimg_arch_prepare() copies it to the start
 * of the control page, which lies outside every destination and below
 * 4 GiB; bootimg_arch_enter() calls it at its physical address, through
 * page tables that map that page to itself.  It turns paging off there,
 * copies, and enters the new kernel's 32-bit entry; it is never returned
 * from.  Being data to the module (it only ever runs as a copy), it lives
 * in .rodata, and nothing in it depends on where it is.
 *
 * In (regparm(3), as the kernel is built):
 *      EAX = first page of the copy list (bootimg-list.h)
 *      EDX = entry point
 * The entry point is entered in 32-bit protected mode with paging off,
 * interrupts off, no IDT, the general registers zero and ESP near the end
 * of the control page; the purgatory sets up its own GDT and stack.
 */
#include "bootimg-list.h"

#define CR0_PG		(1 << 31)
#define CR0_CD		(1 << 30)
#define CR0_NW		(1 << 29)
#define CR0_AM		(1 << 18)
#define CR0_WP		(1 << 16)
#define CR0_TS		(1 << 3)
#define CR0_EM		(1 << 2)
#define PAGE_SIZE	4096

	.section .rodata, "a"
	.balign 16
	.globl bootimg_stub32_start
	.globl bootimg_stub32_end
	.code32
bootimg_stub32_start:
	cli
	cld
	movl	%eax, %ebx			/* EBX: the copy list */
	movl	%edx, %ebp			/* EBP: the entry point */
	call	1f				/* the old stack, once */
1:	popl	%edi
	subl	$(1b - bootimg_stub32_start), %edi	/* EDI: this page */
	leal	PAGE_SIZE(%edi), %esp

	/*
	 * This page is mapped to itself, so turning paging off lands on
	 * the next instruction.  CR4 goes to zero (PAE, PSE, PGE, SMEP,
	 * SMAP, UMIP; a raw MOV, as the kernel pins bits when its helpers
	 * write CR4) and CR3 too, flushing whatever the TLB holds.
	 */
	movl	%cr0, %eax
	andl	$~(CR0_PG | CR0_CD | CR0_NW | CR0_AM | CR0_WP | CR0_TS | CR0_EM), %eax
	movl	%eax, %cr0
	jmp	2f
2:	xorl	%eax, %eax
	movl	%eax, %cr4
	movl	%eax, %cr3

	/* No IDT: a fault from here on resets rather than runs stale code. */
	lidt	(.Lno_idt - bootimg_stub32_start)(%edi)
	movl	%eax, %dr7

	/* Entries are two 64-bit words; every address is below 4 GiB. */
.Lnext:
	movl	(%ebx), %ecx
	movl	8(%ebx), %esi
	addl	$16, %ebx
	movl	%ecx, %eax
	andl	$BOOTIMG_OP_MASK, %eax
	andl	$~0xfff, %ecx
	cmpl	$BOOTIMG_OP_COPY, %eax
	je	.Lcopy
	cmpl	$BOOTIMG_OP_ZERO, %eax
	je	.Lzero
	cmpl	$BOOTIMG_OP_NEXT, %eax
	jne	.Lenter
	movl	%esi, %ebx
	jmp	.Lnext
.Lcopy:
	movl	%ecx, %edi
	movl	$(PAGE_SIZE / 4), %ecx
	rep movsl
	jmp	.Lnext
.Lzero:
	movl	%ecx, %edi
	movl	$(PAGE_SIZE / 4), %ecx
	xorl	%eax, %eax
	rep stosl
	jmp	.Lnext

.Lenter:
	pushl	%ebp				/* a plain RET to it */
	xorl	%eax, %eax
	xorl	%ebx, %ebx
	xorl	%ecx, %ecx
	xorl	%edx, %edx
	xorl	%esi, %esi
	xorl	%edi, %edi
	xorl	%ebp, %ebp
	ret

	.balign	4
.Lno_idt:
	.word	0
	.long	0
bootimg_stub32_end:
