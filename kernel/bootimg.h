/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootimg.ko internals: the staged image, the kernel functions found at
 * run time, and the architecture's handoff.
 */
#ifndef BOOTIMG_DRIVER_H
#define BOOTIMG_DRIVER_H

#include "bootimg-list.h"

#ifndef __ASSEMBLY__
#include <linux/bootimg.h>
#include <linux/list.h>
#include <linux/types.h>

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

/* policy.c: the kernel's kexec policies, applied to the driver. */
int bootimg_load_permitted(void);
int bootimg_locked_down(void);
void bootimg_log_caller(const char *what);

/* handoff.c */
/* Does not return. */
void bootimg_handoff(struct bootimg_image *img);
#endif

#endif
