/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The multiboot header and the entry of the e2e suite's test kernel.
 * With ADDRESS_FIELDS the header carries the load addresses (flags bit
 * 16) for the flat binary; without, the loader reads the ELF headers.
 */
#define MB_MAGIC 0x1badb002
#define MB_PAGE_ALIGN 0x1
#define MB_MEMORY_INFO 0x2
#ifdef ADDRESS_FIELDS
#define MB_FLAGS (MB_PAGE_ALIGN | MB_MEMORY_INFO | 0x10000)
#else
#define MB_FLAGS (MB_PAGE_ALIGN | MB_MEMORY_INFO)
#endif

	.section .multiboot, "a"
	.align 4
mb_header:
	.long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)
#ifdef ADDRESS_FIELDS
	.long mb_header, image_start, load_end, bss_end, mb_entry
#endif

	.text
	.globl mb_entry
mb_entry:
	cli
	cld
	movl $stack_top, %esp
	pushl %ebx		/* the multiboot information */
	pushl %eax		/* the boot loader's magic */
	call mb_main
1:	hlt
	jmp 1b

	.bss
	.align 16
	.skip 16384
stack_top:

	.section .note.GNU-stack, "", @progbits
