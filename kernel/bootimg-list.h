/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The copy list the relocation stub walks, shared by C and assembly.
 * Entries are two 64-bit words; the low bits of the first say what to do
 * and the rest is a page-aligned physical address.  A list page holds
 * BOOTIMG_LIST_ENTRIES entries; the last is always NEXT or END.
 */
#ifndef BOOTIMG_LIST_H
#define BOOTIMG_LIST_H

#define BOOTIMG_OP_COPY	0	/* copy the page at word 2 to word 1 */
#define BOOTIMG_OP_ZERO	1	/* zero the page at word 1 */
#define BOOTIMG_OP_NEXT	2	/* the list goes on at word 2 */
#define BOOTIMG_OP_END	3	/* done: enter the new kernel */
#define BOOTIMG_OP_MASK	3

#define BOOTIMG_LIST_ENTRIES 256	/* 16-byte entries in a 4 KiB page */

#endif
