/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The purgatory flat binary, built by src/purgatory, as library data. */
	.section .rodata.purgatory, "a"
	.balign	16
	.globl	bi_purgatory_x86_64
	.hidden	bi_purgatory_x86_64
bi_purgatory_x86_64:
	.incbin	"purgatory-x86_64.bin"
	.globl	bi_purgatory_x86_64_end
	.hidden	bi_purgatory_x86_64_end
bi_purgatory_x86_64_end:

	.section .note.GNU-stack, "", @progbits
