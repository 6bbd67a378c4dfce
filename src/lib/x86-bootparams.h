/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The x86 zero page (struct boot_params) and the command line after it. */
#ifndef BOOTIMG_X86_BOOTPARAMS_H
#define BOOTIMG_X86_BOOTPARAMS_H

#include <stddef.h>
#include <stdint.h>
#include "plan.h"
#include "x86-efi.h"
#include "x86-rng-seed.h"
#include "x86-screen.h"

/*
 * What the running kernel got from the firmware and hands on, and a seed
 * for the next kernel's crng.
 */
struct bi_x86_firmware {
	struct bi_x86_efi efi;
	struct screen_info screen;
	struct bi_x86_rng_seed rng_seed;
};

struct bi_x86_layout {
	uint64_t kernel_load;
	uint64_t params;	/* boot_params; the command line follows */
	uint64_t initrd;
	uint64_t initrd_size;
	const struct bi_x86_firmware *fw;
};

/*
 * Read the firmware's hand-over (nothing on a BIOS machine) and draw the
 * RNG seed.
 */
int bi_x86_firmware_read(struct bootimg *ctx, struct bi_x86_firmware *fw);
void bi_x86_firmware_free(struct bi_x86_firmware *fw);

/*
 * Bytes the boot_params segment needs: the zero page, the command line,
 * then (8-byte aligned) the EFI memory map and setup_data, and the RNG
 * seed's setup_data.
 */
size_t bi_x86_params_size(const struct bootimg_plan *plan,
			  const struct bi_x86_layout *layout);

/* Fill BUF (bi_x86_params_size() bytes, zeroed) for LAYOUT. */
int bi_x86_params_fill(const struct bootimg_plan *plan,
		       const struct bi_x86_layout *layout, uint8_t *buf);

#endif
