// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The zero page a boot loader hands to the kernel: the setup header copied
 * from the image and completed, the e820 memory map, the initrd and the
 * command line.  The command line is stored right after the page, then
 * (8-byte aligned) the EFI runtime map and the SETUP_EFI setup_data, then
 * the SETUP_RNG_SEED setup_data: all in the one segment that purgatory's
 * digest covers.
 */
#include <asm/bootparam.h>
#include <string.h>
#include "internal.h"
#include "x86-bootparams.h"

#define LOADER_UNDEFINED 0xff	/* type_of_loader: no assigned id */

int bi_x86_firmware_read(struct bootimg *ctx, struct bi_x86_firmware *fw)
{
	int err = bi_x86_efi_read(ctx, &fw->efi);

	memset(&fw->screen, 0, sizeof(fw->screen));
	if (err == 0 && fw->efi.booted)
		err = bi_x86_screen_read(ctx, &fw->screen);
	if (err < 0) {
		bi_x86_efi_free(&fw->efi);
		return err;
	}
	bi_x86_rng_seed_read(ctx, &fw->rng_seed);
	return 0;
}

void bi_x86_firmware_free(struct bi_x86_firmware *fw)
{
	bi_x86_efi_free(&fw->efi);
	bi_x86_rng_seed_clear(&fw->rng_seed);
}

/* Offset of the EFI data and setup_data, after the command line. */
static size_t extra_offset(const struct bootimg_plan *plan)
{
	return bi_align_up(sizeof(struct boot_params) + plan->cmdline_len +
			   1, 8);
}

size_t bi_x86_params_size(const struct bootimg_plan *plan,
			  const struct bi_x86_layout *layout)
{
	size_t extra = bi_x86_efi_extra_size(&layout->fw->efi) +
		       bi_x86_rng_seed_size(&layout->fw->rng_seed);

	if (extra == 0)
		return sizeof(struct boot_params) + plan->cmdline_len + 1;
	return extra_offset(plan) + extra;
}

static int fill_e820(const struct bi_memmap *map, struct boot_params *bp)
{
	size_t i;

	if (map->count > E820_MAX_ENTRIES_ZEROPAGE)
		return -E2BIG;
	for (i = 0; i < map->count; i++) {
		bp->e820_table[i].addr = map->ranges[i].start;
		bp->e820_table[i].size = map->ranges[i].end -
					 map->ranges[i].start;
		bp->e820_table[i].type = map->ranges[i].type;
	}
	bp->e820_entries = (uint8_t)map->count;
	return 0;
}

/* Legacy field: KiB of memory above 1 MiB, up to the first hole. */
static uint32_t alt_mem_k(const struct bi_memmap *map)
{
	uint64_t top = BI_MIB;
	size_t i;

	for (i = 0; i < map->count; i++) {
		const struct bi_mem_range *r = &map->ranges[i];

		if (r->type == BI_MEM_RAM && r->start <= top && r->end > top)
			top = r->end;
	}
	top = top > 0xffffffffull ? 0xffffffffull : top;
	return (uint32_t)((top - BI_MIB) >> 10);
}

int bi_x86_params_fill(const struct bootimg_plan *plan,
		       const struct bi_x86_layout *layout, uint8_t *buf)
{
	struct boot_params *bp = (struct boot_params *)buf;
	const struct bi_kernel *k = &plan->in->kernel;
	uint64_t cmdline = layout->params + sizeof(*bp);
	size_t efi = extra_offset(plan);
	size_t seed = efi + bi_x86_efi_extra_size(&layout->fw->efi);
	int err;

	memcpy(&bp->hdr, k->setup_header ? k->setup_header
					  : (const uint8_t *)&k->own_header,
	       k->setup_header_size);
	bp->hdr.type_of_loader = LOADER_UNDEFINED;
	if (k->unpacked && k->kaslr.status == 0)	/* as the decompressor */
		bp->hdr.loadflags |= KASLR_FLAG;
	bp->hdr.code32_start = (uint32_t)layout->kernel_load;
	bp->hdr.cmd_line_ptr = (uint32_t)cmdline;
	bp->ext_cmd_line_ptr = (uint32_t)(cmdline >> 32);
	bp->hdr.ramdisk_image = (uint32_t)layout->initrd;
	bp->ext_ramdisk_image = (uint32_t)(layout->initrd >> 32);
	bp->hdr.ramdisk_size = (uint32_t)layout->initrd_size;
	bp->ext_ramdisk_size = (uint32_t)(layout->initrd_size >> 32);
	bp->alt_mem_k = alt_mem_k(&plan->map);
	err = fill_e820(&plan->map, bp);
	if (err < 0)
		return err;
	memcpy(buf + sizeof(*bp), plan->cmdline, plan->cmdline_len + 1);
	bp->screen_info = layout->fw->screen;
	bi_x86_efi_fill(&layout->fw->efi, bp, buf + efi, layout->params + efi);
	bi_x86_rng_seed_fill(&layout->fw->rng_seed, bp, buf + seed,
			     layout->params + seed);
	return 0;
}
