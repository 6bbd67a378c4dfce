/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The purgatory: the code between kexec and the kernel. */
#ifndef BOOTIMG_X86_PURGATORY_H
#define BOOTIMG_X86_PURGATORY_H

#include "plan.h"

/*
 * Add the purgatory segment, set to check the checksum of every segment
 * planned so far, to apply fast boot's relocations (with their table as
 * one more segment) and then enter the kernel as ENTRY says; *PURGATORY is
 * where the kernel's kexec code is to jump.
 */
int bi_x86_add_purgatory(struct bootimg_plan *plan,
			 const struct bi_entry *entry, uint64_t *purgatory);

#endif
