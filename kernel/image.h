/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The staged image, and the steps that build it (image.c), prepare the
 * architecture's handoff to it (handoff_64.c, handoff_32.c) and hand the
 * machine over to it (handoff.c).
 */
#ifndef BOOTIMG_IMAGE_H
#define BOOTIMG_IMAGE_H

#include <linux/bootimg.h>
#include <linux/list.h>
#include <linux/types.h>
#include "bootimg-list.h"

/* A staged kernel: its pages, its copy list and the arch's handoff data. */
struct bootimg_image {
	u64 entry;
	u32 nr_segments;
	struct bootimg_ioc_segment segments[BOOTIMG_MAX_SEGMENTS];
	u64 bytes;			/* sum of memsz */
	struct list_head pages;		/* every page the image owns */
	phys_addr_t top;		/* end of the highest page it uses */
	phys_addr_t list;		/* first page of the copy list */
	u64 *list_page;			/* the list page being filled */
	unsigned int list_used;		/* entries in it */
	phys_addr_t control;		/* the page the relocation stub runs in */
	phys_addr_t pgd_identity;	/* arch: identity map only */
	phys_addr_t pgd_enter;		/* arch: identity map + the kernel's */
};

/* image.c */
int bootimg_image_load(const struct bootimg_ioc_load *req,
		       struct bootimg_image **out);
void bootimg_image_free(struct bootimg_image *img);
struct page *bootimg_alloc_page(struct bootimg_image *img);

/* The architecture's part (handoff_64.c, handoff_32.c). */
int bootimg_arch_supported(void);
int bootimg_arch_prepare(struct bootimg_image *img);
/*
 * Does not return; not marked so, as objtool cannot see across files.
 * __nocfi: it calls the copied stub, which kCFI knows no type hash for.
 */
void __nocfi bootimg_arch_enter(struct bootimg_image *img);

/* The relocation stubs (stub_64.S, stub_32.S), copied to the control page. */
extern const u8 bootimg_stub64_start[], bootimg_stub64_end[];
extern const u8 bootimg_stub32_start[], bootimg_stub32_end[];

/* handoff.c; does not return. */
void bootimg_handoff(struct bootimg_image *img);

#endif
