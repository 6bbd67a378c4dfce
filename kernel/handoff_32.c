// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * i386: the page tables that let the relocation stub turn paging off, and
 * the jump to it.
 *
 * The stub must run at an address equal to its physical one when paging
 * goes off.  pgd_enter maps the control page to itself with 4 KiB pages,
 * in the running kernel's paging mode (two levels, or three with PAE),
 * and at handoff also gets the running kernel's upper part, so the C code
 * survives the CR3 switch and calls the stub at its physical address.
 * Only the control page is identity-mapped: the stub copies with paging
 * off, so every destination must lie below 4 GiB.
 */
#define pr_fmt(fmt) "bootimg: " fmt

#include <linux/io.h>
#include <linux/mm.h>
#include <linux/pgtable.h>
#include <linux/sizes.h>
#include <asm/special_insns.h>
#include "image.h"

#define TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define LEAF TABLE

#ifdef CONFIG_X86_PAE
typedef u64 entry_t;
#define CR3_TABLE_MASK (~0x1fUL)	/* a PDPT is 32-byte aligned */
#else
typedef u32 entry_t;
#define CR3_TABLE_MASK PAGE_MASK
#endif

int bootimg_arch_supported(void)
{
	return 0;
}

static entry_t *new_table(struct bootimg_image *img, phys_addr_t *phys)
{
	struct page *page = bootimg_alloc_page(img);

	if (!page)
		return NULL;
	clear_page(page_address(page));
	*phys = page_to_phys(page);
	return page_address(page);
}

/* The table ENTRY points to, made if missing; FLAGS for a new entry. */
static entry_t *lower(struct bootimg_image *img, entry_t *entry, u32 flags)
{
	phys_addr_t phys;

	if (!(*entry & _PAGE_PRESENT)) {
		if (!new_table(img, &phys))
			return NULL;
		*entry = phys | flags;
	}
	return __va(*entry & PAGE_MASK);
}

/*
 * Map the page at ADDR to itself.  A PAE page-directory-pointer entry
 * takes nothing but the present bit.
 */
static int map_identity(struct bootimg_image *img, entry_t *top, u32 addr)
{
	entry_t *table = top;

#ifdef CONFIG_X86_PAE
	table = lower(img, &table[addr >> 30], _PAGE_PRESENT);
	if (table)
		table = lower(img, &table[(addr >> 21) & 511], TABLE);
	if (!table)
		return -ENOMEM;
	table[(addr >> 12) & 511] = addr | LEAF;
#else
	table = lower(img, &table[addr >> 22], TABLE);
	if (!table)
		return -ENOMEM;
	table[(addr >> 12) & 1023] = addr | LEAF;
#endif
	return 0;
}

int bootimg_arch_prepare(struct bootimg_image *img)
{
	size_t stub_size = bootimg_stub32_end - bootimg_stub32_start;
	struct page *control;
	entry_t *enter;

	/* Paging off reaches 4 GiB; PAE kernels may own RAM above. */
	if (img->top > SZ_4G) {
		pr_err("the image or its pages end at %#llx, above 4 GiB, which the i386 handoff cannot reach\n",
		       (u64)img->top);
		return -EADDRNOTAVAIL;
	}
	if (stub_size > PAGE_SIZE / 2)
		return -E2BIG;
	control = bootimg_alloc_page(img);
	if (!control)
		return -ENOMEM;
	memcpy(page_address(control), bootimg_stub32_start, stub_size);
	img->control = page_to_phys(control);
	/* The identity entry must not fall in the kernel's part. */
	if (pgd_index(img->control) >= KERNEL_PGD_BOUNDARY)
		return -ENOMEM;

	enter = new_table(img, &img->pgd_enter);
	if (!enter)
		return -ENOMEM;
	return map_identity(img, enter, img->control);
}

void __nocfi bootimg_arch_enter(struct bootimg_image *img)
{
	pgd_t *enter = __va(img->pgd_enter);
	const pgd_t *running = __va(__read_cr3() & CR3_TABLE_MASK);
	/* EAX, EDX: stub_32.S's registers, as the kernel's -mregparm=3. */
	void (*stub)(u32 list, u32 entry) __attribute__((regparm(3))) =
		(void *)(unsigned long)img->control;

	/* The kernel's part as it is now: this code, its stack, its data. */
	memcpy(enter + KERNEL_PGD_BOUNDARY, running + KERNEL_PGD_BOUNDARY,
	       (PTRS_PER_PGD - KERNEL_PGD_BOUNDARY) * sizeof(pgd_t));
	native_write_cr3(img->pgd_enter);
	stub(img->list, img->entry);
}
