/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ELF core header a panic kernel reads at elfcorehdr=: an ELF64
 * ET_CORE header whose program headers point at physical memory of the
 * crashed kernel: PT_NOTE for each CPU's register note and for
 * VMCOREINFO, PT_LOAD for its RAM.  /proc/vmcore is built from it.
 */
#ifndef BOOTIMG_ELFCORE_H
#define BOOTIMG_ELFCORE_H

#include <stddef.h>
#include <stdint.h>

struct bi_elfcore_range {
	uint64_t paddr;
	uint64_t size;
	uint64_t vaddr;		/* 0 when unknown, and for notes */
};

struct bi_elfcore_list {
	struct bi_elfcore_range *items;
	size_t count, cap;
};

struct bi_elfcore {
	uint16_t machine;		/* EM_X86_64 */
	struct bi_elfcore_list notes;	/* one a CPU, then VMCOREINFO */
	struct bi_elfcore_list loads;	/* the kernel text mapping first */
};

int bi_elfcore_append(struct bi_elfcore_list *list, uint64_t paddr,
		      uint64_t size, uint64_t vaddr);
void bi_elfcore_free(struct bi_elfcore *core);

/* The header for CORE, in a malloc'd buffer. */
int bi_elfcore_build(const struct bi_elfcore *core, uint8_t **buf,
		     size_t *size);

#endif
