/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The host's purgatory flat binary, built by src/purgatory, as library data. */
	.section .rodata.purgatory, "a"
	.balign	16
	.globl	bi_purgatory
	.hidden	bi_purgatory
bi_purgatory:
#ifdef __x86_64__
	.incbin	"purgatory-x86_64.bin"
#else
	.incbin	"purgatory-i386.bin"
#endif
	.globl	bi_purgatory_end
	.hidden	bi_purgatory_end
bi_purgatory_end:

	.section .note.GNU-stack, "", @progbits
