// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The x86 layout of a kexec_load plan for the Linux boot protocol, and
 * the dispatch to a kernel's protocol.  In order:
 *   kernel      at pref_address if free, else the lowest aligned place;
 *               init_size bytes from there stay free for decompression;
 *               or, for an ELF vmlinux, each segment at its address;
 *   initrds     one segment each, back to back, as high as possible
 *               below initrd_addr_max (above 4 GiB only if need be);
 *   boot_params the zero page, the command line and, on UEFI machines,
 *               the EFI runtime map and setup_data, low;
 *   purgatory   low; the kernel's kexec code enters it (x86-purgatory.c).
 * The kernel is entered at its 64-bit entry if it has one, else (or with
 * BOOTIMG_LOAD_ENTRY32) at its 32-bit one.
 */
#include <asm/bootparam.h>
#include "internal.h"
#include "x86-bootparams.h"
#include "x86-purgatory.h"

#define LOWEST (1ull * BI_MIB)		/* leave the BIOS area alone */
#define ANYWHERE (~0ull)

static int place_payload(struct bootimg_plan *plan, uint64_t *load,
			 struct bi_entry *entry)
{
	const struct bootimg_info *info = &plan->in->kernel.info;
	uint64_t need = bi_align_up(info->init_size, BI_PAGE_SIZE);
	uint64_t image = bi_align_up(plan->in->kernel.payload_size,
				     BI_PAGE_SIZE);
	struct bi_place fixed = {
		.size = need, .align = BI_PAGE_SIZE,
		.min = info->pref_address, .max = info->pref_address + need,
	};
	struct bi_place movable = {
		.size = need, .align = info->kernel_alignment,
		.min = LOWEST, .max = ANYWHERE,
	};
	int err = bi_plan_find(plan, &fixed, load);

	if (err < 0 && info->relocatable)
		err = bi_plan_find(plan, &movable, load);
	if (err < 0)
		return err;
	/*
	 * The segment spans init_size, not just the image: the kernel's
	 * kexec code then keeps its page tables and control pages out of
	 * the memory the decompressor writes to before it has its own.
	 */
	err = bi_plan_add(plan, "kernel", plan->in->kernel.payload,
			  plan->in->kernel.payload_size, *load,
			  image > need ? image : need);
	entry->ip = *load;
	if (!entry->mode32)
		entry->ip += plan->in->kernel.entry64_offset;
	return err;
}

/* Segments at fixed addresses (ELF vmlinux), entered at its entry. */
static int place_segments(struct bootimg_plan *plan, uint64_t *load,
			  struct bi_entry *entry)
{
	const struct bi_kernel *k = &plan->in->kernel;

	*load = k->info.pref_address;
	entry->ip = k->entry;
	return bi_plan_add_kernel_segments(plan);
}

static int place_initrds(struct bootimg_plan *plan,
			 struct bi_x86_layout *layout)
{
	const struct bootimg_info *info = &plan->in->kernel.info;
	struct bi_place where = {
		.align = BI_PAGE_SIZE, .min = LOWEST, .top_down = 1,
		.max = (uint64_t)info->initrd_addr_max + 1,
	};
	uint64_t at;
	size_t i;
	int err;

	for (i = 0; i < plan->in->n_initrds; i++)
		where.size += bi_align_up(plan->in->initrds[i].size,
					  BI_PAGE_SIZE);
	if (where.size == 0)
		return 0;
	err = bi_plan_find(plan, &where, &layout->initrd);
	if (err == -ENOSPC && info->initrd_above_4g) {
		where.max = ANYWHERE;	/* only when it fits nowhere lower */
		err = bi_plan_find(plan, &where, &layout->initrd);
	}
	at = layout->initrd;
	for (i = 0; err == 0 && i < plan->in->n_initrds; i++) {
		const struct bi_file *f = &plan->in->initrds[i];

		if (f->size == 0)
			continue;
		err = bi_plan_add(plan, "initrd", f->data, f->size, at,
				  f->size);
		layout->initrd_size = at + f->size - layout->initrd;
		at += bi_align_up(f->size, BI_PAGE_SIZE);
	}
	return err;
}

static int place_params(struct bootimg_plan *plan,
			struct bi_x86_layout *layout)
{
	size_t size = bi_x86_params_size(plan, layout);
	uint8_t *buf;
	int err = bi_plan_low_buffer(plan, size, &layout->params, &buf);

	if (err == 0)
		err = bi_x86_params_fill(plan, layout, buf);
	if (err == 0)
		err = bi_plan_add(plan, "boot-params", buf, size,
				  layout->params, size);
	return err;
}

static int linux_plan(struct bootimg *ctx, struct bootimg_plan *plan,
		      struct bi_entry *entry)
{
	const struct bi_kernel *k = &plan->in->kernel;
	struct bi_x86_firmware fw;
	struct bi_x86_layout layout = { .fw = &fw };
	int err;

	/* A vmlinux has one entry; a bzImage has a 32-bit one too. */
	if (plan->entry32 && k->n_segments && k->info.entry64)
		return -ENOEXEC;
	entry->mode32 = plan->entry32 || !k->info.entry64;
	err = bi_x86_firmware_read(ctx, &fw);
	if (err < 0)
		return err;
	if (k->n_segments)
		err = place_segments(plan, &layout.kernel_load, entry);
	else
		err = place_payload(plan, &layout.kernel_load, entry);
	if (err == 0)
		err = place_initrds(plan, &layout);
	if (err == 0)
		err = place_params(plan, &layout);
	bi_x86_firmware_free(&fw);
	if (err < 0)
		return err;

	entry->esi = layout.params;
	plan->summary = (struct bootimg_plan_summary){
		.boot_params = layout.params,
		.cmd_line_ptr = layout.params + sizeof(struct boot_params),
		.ramdisk_image = layout.initrd,
		.ramdisk_size = layout.initrd_size,
		.e820_entries = (uint32_t)plan->map.count,
		.loadflags = k->info.loadflags,
	};
	return 0;
}

const struct bi_boot_protocol bi_boot_linux = {
	.plan = linux_plan,
};

int bi_arch_plan(struct bootimg *ctx, struct bootimg_plan *plan)
{
	const struct bi_boot_protocol *boot = plan->in->kernel.boot ?
					      plan->in->kernel.boot :
					      &bi_boot_linux;
	struct bi_entry entry = { 0 };
	int err = boot->plan(ctx, plan, &entry);

	if (err < 0)
		return err;
	plan->summary.kernel_entry = entry.ip;
	plan->summary.entry_bits = entry.mode32 ? 32 : 64;
	return bi_x86_add_purgatory(plan, &entry, &plan->summary.entry);
}
