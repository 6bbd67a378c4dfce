/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The contract between libbootimg and the purgatory blob.
 *
 * The blob is a position-independent flat binary.  It starts with this
 * header; libbootimg copies the blob, fills in the fields marked "set by
 * the loader", and loads it as one kexec segment of header.memsz bytes.
 * The kernel's kexec code jumps to offset 0 of that segment.
 */
#ifndef BOOTIMG_PURGATORY_ABI_H
#define BOOTIMG_PURGATORY_ABI_H

#define BOOTIMG_PURGATORY_MAGIC   0x47504942	/* "BIPG" little-endian */
#define BOOTIMG_PURGATORY_VERSION 2
#define BOOTIMG_PURGATORY_MAX_REGIONS 16
#define BOOTIMG_PURGATORY_REGION_SIZE 24	/* for the assembler */

/* Skip the checksum check (the caller trusts the kernel's copy). */
#define BOOTIMG_PURGATORY_F_NO_VERIFY 0x1u

#ifndef __ASSEMBLER__
#include <stdint.h>

/* A region of physical memory whose checksum purgatory checks. */
struct bootimg_purgatory_region {
	uint64_t start;
	uint64_t len;
	uint64_t checksum;	/* bi_checksum64() of the region */
};

struct bootimg_purgatory_header {
	uint8_t jump[8];	/* code: jump to the real entry */
	uint32_t magic;		/* BOOTIMG_PURGATORY_MAGIC */
	uint32_t version;	/* BOOTIMG_PURGATORY_VERSION */
	uint64_t memsz;		/* bytes of memory the blob needs (bss, stack) */
	uint64_t entry;		/* set by the loader: kernel entry point */
	uint64_t boot_params;	/* set by the loader: RSI/ESI for the kernel */
	uint32_t nr_regions;	/* set by the loader */
	uint32_t flags;		/* set by the loader: BOOTIMG_PURGATORY_F_* */
	struct bootimg_purgatory_region regions[BOOTIMG_PURGATORY_MAX_REGIONS];
};

_Static_assert(sizeof(struct bootimg_purgatory_region) ==
	       BOOTIMG_PURGATORY_REGION_SIZE, "region layout");
#endif

#endif
