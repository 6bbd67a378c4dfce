/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The contract between libbootimg and the purgatory blobs (x86_64 and
 * i386: one layout for both).
 *
 * A blob is a position-independent flat binary.  It starts with this
 * header; libbootimg copies the blob, fills in the fields marked "set by
 * the loader", and loads it as one kexec segment of header.memsz bytes,
 * below 4 GiB.  The kernel's kexec code (or bootimg.ko) jumps to offset 0
 * of that segment: in 64-bit mode on an identity map for the x86_64 blob,
 * in 32-bit protected mode with paging off for the i386 one.
 *
 * Purgatory checks every region; with F_RELOCATE it then applies the
 * kernel's relocation table (`relocs`, src/common/x86-relocs-apply.h) in
 * the new kernel's memory; then it enters the kernel at `entry`:
 *   64-bit entry: 64-bit mode, RSI = boot_params, other registers zero;
 *   32-bit entry (F_ENTRY32, and always from the i386 blob): protected
 *       mode, paging off, ESI = boot_params, EAX = eax, EBX = ebx, the
 *       other registers zero (the Linux 32-bit boot protocol: eax = ebx
 *       = 0; multiboot: eax = its magic, ebx = its information block).
 * Either way with CS = 0x10 (code, flat), DS = ES = SS = 0x18 (data,
 * flat) and interrupts off.
 */
#ifndef BOOTIMG_PURGATORY_ABI_H
#define BOOTIMG_PURGATORY_ABI_H

#define BOOTIMG_PURGATORY_MAGIC   0x47504942	/* "BIPG" little-endian */
#define BOOTIMG_PURGATORY_VERSION 4
#define BOOTIMG_PURGATORY_MAX_REGIONS 16
#define BOOTIMG_PURGATORY_REGION_SIZE 24	/* for the assembler */
#define BOOTIMG_PURGATORY_RELOCS_SIZE 64	/* for the assembler */

/* Skip the checksum check (the caller trusts the kernel's copy). */
#define BOOTIMG_PURGATORY_F_NO_VERIFY 0x1u
/* Enter in 32-bit protected mode (the x86_64 blob leaves long mode). */
#define BOOTIMG_PURGATORY_F_ENTRY32 0x2u
/*
 * Print one line on COM1 just before the jump ("checksums ok, entering
 * 64-bit kernel at 0x..."), so that a hang can be placed before or after
 * the new kernel started.
 */
#define BOOTIMG_PURGATORY_F_BREADCRUMB 0x4u
/*
 * Apply `relocs` after the check (fast boot's KASLR): user space hands
 * kexec the vmlinux as the cache holds it, untouched.
 */
#define BOOTIMG_PURGATORY_F_RELOCATE 0x8u

/* Field offsets, for the assembler. */
#define BOOTIMG_PURGATORY_OFF_ENTRY 24
#define BOOTIMG_PURGATORY_OFF_BOOT_PARAMS 32
#define BOOTIMG_PURGATORY_OFF_FLAGS 44
#define BOOTIMG_PURGATORY_OFF_EAX 48
#define BOOTIMG_PURGATORY_OFF_EBX 52

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

/* A region of physical memory whose checksum purgatory checks. */
struct bootimg_purgatory_region {
	uint64_t start;
	uint64_t len;
	uint64_t checksum;	/* bi_checksum64() of the region */
};

/*
 * A relocation table to apply (F_RELOCATE).  libbootimg checked every
 * entry against the kernel's segments; the table is a region, and
 * `checksum` covers these fields.
 */
struct bootimg_purgatory_relocs {
	uint64_t table;		/* physical address of the first list */
	uint64_t image;		/* physical address of the kernel's first byte */
	uint64_t image_size;	/* bytes from there that places may touch */
	uint64_t image_virt;	/* link-time virtual address of that byte */
	uint64_t delta;		/* the virtual offset added */
	uint32_t n64, n_inverse, n32;	/* entries in each list */
	uint32_t is64;		/* x86_64's three lists; else i386's one */
	uint64_t checksum;	/* bi_checksum64() of the fields above */
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
	uint32_t eax;		/* set by the loader: EAX at a 32-bit entry */
	uint32_t ebx;		/* set by the loader: EBX at a 32-bit entry */
	struct bootimg_purgatory_region regions[BOOTIMG_PURGATORY_MAX_REGIONS];
	struct bootimg_purgatory_relocs relocs;	/* set by the loader */
} __attribute__((aligned(8)));

_Static_assert(sizeof(struct bootimg_purgatory_region) ==
	       BOOTIMG_PURGATORY_REGION_SIZE, "region layout");
_Static_assert(sizeof(struct bootimg_purgatory_relocs) ==
	       BOOTIMG_PURGATORY_RELOCS_SIZE, "relocs layout");
_Static_assert(offsetof(struct bootimg_purgatory_header, entry) ==
	       BOOTIMG_PURGATORY_OFF_ENTRY, "entry offset");
_Static_assert(offsetof(struct bootimg_purgatory_header, boot_params) ==
	       BOOTIMG_PURGATORY_OFF_BOOT_PARAMS, "boot_params offset");
_Static_assert(offsetof(struct bootimg_purgatory_header, flags) ==
	       BOOTIMG_PURGATORY_OFF_FLAGS, "flags offset");
_Static_assert(offsetof(struct bootimg_purgatory_header, eax) ==
	       BOOTIMG_PURGATORY_OFF_EAX, "eax offset");
_Static_assert(offsetof(struct bootimg_purgatory_header, ebx) ==
	       BOOTIMG_PURGATORY_OFF_EBX, "ebx offset");
_Static_assert(offsetof(struct bootimg_purgatory_header, regions) == 56,
	       "regions offset");
#endif

#endif
