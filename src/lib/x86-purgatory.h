/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The arch-specific purgatory: the code between kexec and the kernel. */
#ifndef BOOTIMG_X86_PURGATORY_H
#define BOOTIMG_X86_PURGATORY_H

#include "plan.h"

/*
 * Add the purgatory segment, set to check the checksum of every segment
 * planned so far and then enter SUMMARY->kernel_entry; set SUMMARY->entry.
 */
int bi_x86_add_purgatory(struct bootimg_plan *plan,
			 struct bootimg_plan_summary *summary);

#endif
