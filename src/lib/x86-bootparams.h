/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The x86 zero page (struct boot_params) and the command line after it. */
#ifndef BOOTIMG_X86_BOOTPARAMS_H
#define BOOTIMG_X86_BOOTPARAMS_H

#include <stddef.h>
#include <stdint.h>
#include "plan.h"

struct bi_x86_layout {
	uint64_t kernel_load;
	uint64_t params;	/* boot_params; the command line follows */
	uint64_t initrd;
	uint64_t initrd_size;
};

/* Bytes the boot_params segment needs for this plan's command line. */
size_t bi_x86_params_size(const struct bootimg_plan *plan);

/* Fill BUF (bi_x86_params_size() bytes, zeroed) for LAYOUT. */
int bi_x86_params_fill(const struct bootimg_plan *plan,
		       const struct bi_x86_layout *layout, uint8_t *buf);

#endif
