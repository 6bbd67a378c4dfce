// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * x86_64: identity-mapped page tables and the jump to the relocation stub.
 *
 * RAM is identity-mapped with 2 MiB pages, through a 5-level table when
 * the kernel runs with LA57 (which cannot be switched off in long mode),
 * else a 4-level one.  Two top-level tables share the lower levels:
 * pgd_enter also holds the running kernel's upper half, so the C code
 * survives the CR3 switch and calls the stub at its physical address;
 * the stub then moves to pgd_identity, which holds nothing else.
 * The entries are supervisor-only, so SMEP and SMAP never object.
 */
#define pr_fmt(fmt) "bootimg: " fmt

#include <linux/cc_platform.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/processor.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>
#include "image.h"

#define TABLE_ENTRIES 512
#define KERNEL_HALF (TABLE_ENTRIES / 2)
#define IDENT_TABLE (_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define IDENT_2M (IDENT_TABLE | _PAGE_PSE)

int bootimg_arch_supported(void)
{
	if (cc_platform_has(CC_ATTR_MEM_ENCRYPT)) {
		pr_err("memory encryption (SME, SEV, TDX) is active; the handoff cannot map it\n");
		return -EOPNOTSUPP;
	}
	return 0;
}

static u64 *new_table(struct bootimg_image *img, phys_addr_t *phys)
{
	struct page *page = bootimg_alloc_page(img);

	if (!page)
		return NULL;
	clear_page(page_address(page));
	*phys = page_to_phys(page);
	return page_address(page);
}

/* The table an entry points to, made if missing. */
static u64 *lower(struct bootimg_image *img, u64 *entry)
{
	phys_addr_t phys;

	if (!(*entry & _PAGE_PRESENT)) {
		if (!new_table(img, &phys))
			return NULL;
		*entry = phys | IDENT_TABLE;
	}
	return __va(*entry & PTE_PFN_MASK);
}

static int map_2m(struct bootimg_image *img, u64 *top, u64 addr, bool la57)
{
	u64 *table = top;

	if (la57)
		table = lower(img, &table[(addr >> 48) & 511]);
	if (table)
		table = lower(img, &table[(addr >> 39) & 511]);
	if (table)
		table = lower(img, &table[(addr >> 30) & 511]);
	if (!table)
		return -ENOMEM;
	table[(addr >> 21) & 511] = addr | IDENT_2M;
	return 0;
}

static int ram_end(struct resource *res, void *arg)
{
	u64 *end = arg;

	*end = max_t(u64, *end, res->end + 1);
	return 0;
}

int bootimg_arch_prepare(struct bootimg_image *img)
{
	size_t stub_size = bootimg_stub64_end - bootimg_stub64_start;
	bool la57 = __read_cr4() & X86_CR4_LA57;
	struct page *control;
	u64 *ident, *enter, end = 0, addr;
	int err = 0;

	if (stub_size > PAGE_SIZE)
		return -E2BIG;
	control = bootimg_alloc_page(img);
	if (!control)
		return -ENOMEM;
	memcpy(page_address(control), bootimg_stub64_start, stub_size);
	img->control = page_to_phys(control);

	ident = new_table(img, &img->pgd_identity);
	enter = new_table(img, &img->pgd_enter);
	if (!ident || !enter)
		return -ENOMEM;
	/* All RAM, like the kernel's kexec, and whatever the image uses. */
	walk_iomem_res_desc(IORES_DESC_NONE,
			    IORESOURCE_SYSTEM_RAM | IORESOURCE_BUSY, 0, -1,
			    &end, ram_end);
	end = ALIGN(max_t(u64, end, img->top), PMD_SIZE);
	for (addr = 0; err == 0 && addr < end; addr += PMD_SIZE)
		err = map_2m(img, ident, addr, la57);
	if (err)
		return err;
	memcpy(enter, ident, KERNEL_HALF * sizeof(u64));
	return 0;
}

void __nocfi bootimg_arch_enter(struct bootimg_image *img)
{
	u64 *enter = __va(img->pgd_enter);
	const u64 *running = __va(read_cr3_pa());
	void (*stub)(u64 list, u64 entry, u64 pgd_identity) =
		(void *)(unsigned long)img->control;

	/* The kernel's half as it is now: this code, its stack, its data. */
	memcpy(enter + KERNEL_HALF, running + KERNEL_HALF,
	       KERNEL_HALF * sizeof(u64));
	native_write_cr3(img->pgd_enter);
	stub(img->list, img->entry, img->pgd_identity);
}
