// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A staged kernel: the segments are checked with the kexec_segment rules,
 * their contents copied into pages that lie outside every destination, and
 * a copy list built that the relocation stub walks at handoff.  Every page
 * the image owns (sources, list, control page, page tables) comes from
 * bootimg_alloc_page(), so none of them is overwritten while the stub
 * copies.
 */
#define pr_fmt(fmt) "bootimg: " fmt

#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include "image.h"

static bool hits_destination(const struct bootimg_image *img, phys_addr_t at)
{
	u32 i;

	for (i = 0; i < img->nr_segments; i++) {
		const struct bootimg_ioc_segment *s = &img->segments[i];

		if (at + PAGE_SIZE > s->mem && at < s->mem + s->memsz)
			return true;
	}
	return false;
}

/*
 * A page outside every destination.  Pages that land on a destination
 * are held on REJECTED until the image is built, so the allocator does not
 * hand them out again.
 */
static struct page *alloc_clear_of(struct bootimg_image *img,
				   struct list_head *rejected)
{
	struct page *page;

	for (;;) {
		page = alloc_page(GFP_KERNEL | __GFP_NOWARN | __GFP_NORETRY);
		if (!page)
			return NULL;
		if (!hits_destination(img, page_to_phys(page)))
			break;
		list_add(&page->lru, rejected);
	}
	list_add(&page->lru, &img->pages);
	img->top = max_t(phys_addr_t, img->top,
			 page_to_phys(page) + PAGE_SIZE);
	return page;
}

static LIST_HEAD(bootimg_rejected);	/* used under the driver's mutex */

struct page *bootimg_alloc_page(struct bootimg_image *img)
{
	return alloc_clear_of(img, &bootimg_rejected);
}

static void free_pages_on(struct list_head *pages)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}

void bootimg_image_free(struct bootimg_image *img)
{
	if (!img)
		return;
	free_pages_on(&img->pages);
	kfree(img);
}

static int list_add_entry(struct bootimg_image *img, u64 word1, u64 word2)
{
	if (!img->list_page || img->list_used == BOOTIMG_LIST_ENTRIES - 1) {
		struct page *page = bootimg_alloc_page(img);
		u64 *next;

		if (!page)
			return -ENOMEM;
		next = page_address(page);
		if (img->list_page) {
			img->list_page[2 * img->list_used] = BOOTIMG_OP_NEXT;
			img->list_page[2 * img->list_used + 1] =
				page_to_phys(page);
		} else {
			img->list = page_to_phys(page);
		}
		img->list_page = next;
		img->list_used = 0;
	}
	img->list_page[2 * img->list_used] = word1;
	img->list_page[2 * img->list_used + 1] = word2;
	img->list_used++;
	return 0;
}

static int copy_segment(struct bootimg_image *img,
			const struct bootimg_ioc_segment *s)
{
	const u8 __user *buf = u64_to_user_ptr(s->buf);
	u64 off;
	int err = 0;

	for (off = 0; err == 0 && off < s->memsz; off += PAGE_SIZE) {
		size_t n = off < s->bufsz ? min_t(u64, PAGE_SIZE,
						  s->bufsz - off) : 0;
		struct page *page;
		u8 *va;

		if (n == 0) {
			err = list_add_entry(img, (s->mem + off) |
					     BOOTIMG_OP_ZERO, 0);
			continue;
		}
		page = bootimg_alloc_page(img);
		if (!page)
			return -ENOMEM;
		va = page_address(page);
		if (copy_from_user(va, buf + off, n))
			return -EFAULT;
		memset(va + n, 0, PAGE_SIZE - n);
		err = list_add_entry(img, (s->mem + off) | BOOTIMG_OP_COPY,
				     page_to_phys(page));
		if (err == 0 && fatal_signal_pending(current))
			err = -EINTR;
	}
	return err;
}

static int check_segment(u32 i, const struct bootimg_ioc_segment *s)
{
	u64 end = s->mem + s->memsz;

	if (!PAGE_ALIGNED(s->mem) || !PAGE_ALIGNED(s->memsz) || !s->memsz) {
		pr_err("segment %u: mem %#llx and memsz %#llx must be non-zero multiples of the page size\n",
		       i, s->mem, s->memsz);
		return -EINVAL;
	}
	if (s->bufsz > s->memsz) {
		pr_err("segment %u: bufsz %#llx exceeds memsz %#llx\n", i,
		       s->bufsz, s->memsz);
		return -EINVAL;
	}
	/* Beyond what phys_addr_t holds (4 GiB on i386 without PAE). */
	if (end < s->mem || end - 1 > (u64)(phys_addr_t)~0ull) {
		pr_err("segment %u at %#llx ends beyond the physical address space\n",
		       i, s->mem);
		return -EADDRNOTAVAIL;
	}
	if (region_intersects(s->mem, s->memsz, IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) != REGION_INTERSECTS) {
		pr_err("segment %u [%#llx-%#llx] is not all System RAM\n", i,
		       s->mem, end - 1);
		return -EADDRNOTAVAIL;
	}
	return 0;
}

static int check_plan(const struct bootimg_image *img)
{
	u32 i, j;
	bool entry_found = false;
	int err;

	for (i = 0; i < img->nr_segments; i++) {
		const struct bootimg_ioc_segment *a = &img->segments[i];

		err = check_segment(i, a);
		if (err)
			return err;
		for (j = 0; j < i; j++) {
			const struct bootimg_ioc_segment *b = &img->segments[j];

			if (a->mem < b->mem + b->memsz &&
			    b->mem < a->mem + a->memsz) {
				pr_err("segments %u [%#llx-%#llx] and %u [%#llx-%#llx] overlap\n",
				       j, b->mem, b->mem + b->memsz - 1,
				       i, a->mem, a->mem + a->memsz - 1);
				return -EINVAL;
			}
		}
		if (img->entry >= a->mem && img->entry < a->mem + a->memsz)
			entry_found = true;
	}
	if (!entry_found) {
		pr_err("entry point %#llx lies in no segment\n", img->entry);
		return -EINVAL;
	}
	return 0;
}

static int read_request(const struct bootimg_ioc_load *req,
			struct bootimg_image *img)
{
	u32 i;

	if (req->version != BOOTIMG_UAPI_VERSION) {
		pr_err("interface version %u, this driver speaks %u\n",
		       req->version, BOOTIMG_UAPI_VERSION);
		return -EPROTO;
	}
	if (req->flags || req->reserved)
		return -EINVAL;
	if (req->nr_segments == 0 || req->nr_segments > BOOTIMG_MAX_SEGMENTS) {
		pr_err("%u segments; 1 to %u are allowed\n", req->nr_segments,
		       BOOTIMG_MAX_SEGMENTS);
		return req->nr_segments ? -E2BIG : -EINVAL;
	}
	img->entry = req->entry;
	img->nr_segments = req->nr_segments;
	if (copy_from_user(img->segments, u64_to_user_ptr(req->segments),
			   req->nr_segments * sizeof(img->segments[0])))
		return -EFAULT;
	for (i = 0; i < img->nr_segments; i++) {
		img->bytes += img->segments[i].memsz;
		img->top = max_t(phys_addr_t, img->top,
				 img->segments[i].mem + img->segments[i].memsz);
	}
	return check_plan(img);
}

int bootimg_image_load(const struct bootimg_ioc_load *req,
		       struct bootimg_image **out)
{
	struct bootimg_image *img = kzalloc(sizeof(*img), GFP_KERNEL);
	u32 i;
	int err;

	if (!img)
		return -ENOMEM;
	INIT_LIST_HEAD(&img->pages);
	err = read_request(req, img);
	for (i = 0; err == 0 && i < img->nr_segments; i++)
		err = copy_segment(img, &img->segments[i]);
	if (err == 0)
		err = list_add_entry(img, BOOTIMG_OP_END, 0);
	if (err == 0)
		err = bootimg_arch_prepare(img);
	free_pages_on(&bootimg_rejected);
	if (err) {
		bootimg_image_free(img);
		return err;
	}
	*out = img;
	return 0;
}
