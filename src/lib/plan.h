/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A plan: the segments of physical memory the kexec_load method hands to
 * the kernel, and the entry point.  The planner keeps every segment, and
 * the memory the kernel needs beyond its image, clear of each other and
 * inside RAM.
 */
#ifndef BOOTIMG_PLAN_H
#define BOOTIMG_PLAN_H

#include "inputs.h"
#include "memmap.h"

#define BI_MAX_SEGMENTS 16	/* the kernel's KEXEC_SEGMENT_MAX */

struct bi_segment {
	const char *what;
	const void *buf;
	size_t bufsz;
	uint64_t mem;
	uint64_t memsz;
};

struct bi_span {
	uint64_t start;
	uint64_t end;		/* exclusive */
};

/* The CPU state purgatory enters the kernel with. */
struct bi_entry {
	uint64_t ip;		/* the kernel's entry point */
	uint64_t esi;		/* RSI/ESI: boot_params, for Linux */
	uint32_t eax;		/* EAX and EBX at a 32-bit entry (multiboot) */
	uint32_t ebx;
	unsigned mode32 : 1;	/* 32-bit protected mode, paging off */
};

struct bootimg_plan;

/*
 * How a kind of kernel is booted: the x86 Linux boot protocol (bzImage,
 * ELF vmlinux, and what containers hold) or multiboot.  plan() adds the
 * kernel's segments and what it is handed, fills the plan's summary and
 * says how purgatory enters it; the purgatory segment comes after.
 */
struct bi_boot_protocol {
	int (*plan)(struct bootimg *ctx, struct bootimg_plan *plan,
		    struct bi_entry *entry);
};

extern const struct bi_boot_protocol bi_boot_linux;
extern const struct bi_boot_protocol bi_boot_multiboot;

struct bootimg_plan {
	const struct bi_inputs *in;	/* own_inputs, or the caller's */
	unsigned entry32 : 1;		/* BOOTIMG_LOAD_ENTRY32 */
	unsigned breadcrumb : 1;	/* BOOTIMG_LOAD_BREADCRUMB */
	struct bi_inputs *own_inputs;	/* closed and freed with the plan */
	/* The inputs' command line, or with a panic kernel's elfcorehdr= */
	const char *cmdline;
	size_t cmdline_len;
	struct bi_memmap map;
	struct bi_segment segments[BI_MAX_SEGMENTS];
	size_t n_segments;
	struct bi_span reserved[BI_MAX_SEGMENTS];
	size_t n_reserved;
	void *owned[BI_MAX_SEGMENTS];	/* buffers the plan built */
	size_t n_owned;
	struct bootimg_plan_summary summary;
};

/* Where to look for a free place, and from which end. */
struct bi_place {
	uint64_t size;
	uint64_t align;
	uint64_t min;
	uint64_t max;		/* exclusive */
	int top_down;
};

/* Find a free, aligned place in RAM; -ENOSPC if there is none. */
int bi_plan_find(const struct bootimg_plan *plan, const struct bi_place *want,
		 uint64_t *addr);

/* Keep [start, end) free of later segments. */
int bi_plan_reserve(struct bootimg_plan *plan, uint64_t start, uint64_t end);

/* Add a segment at MEM (reserving it); memsz is rounded to pages. */
int bi_plan_add(struct bootimg_plan *plan, const char *what, const void *buf,
		size_t bufsz, uint64_t mem, uint64_t memsz);

/* Hand BUF to the plan, which frees it with itself. */
int bi_plan_own(struct bootimg_plan *plan, void *buf);

/*
 * Add the kernel's segments (ELF, multiboot) at their fixed addresses,
 * which must be free RAM; one that starts within a page is copied behind
 * zeroes from the page's start.
 */
int bi_plan_add_kernel_segments(struct bootimg_plan *plan);

/*
 * A zeroed buffer of SIZE bytes, owned by the plan, for a segment the
 * planner builds, and a free place for it in RAM from 1 MiB to 4 GiB.
 */
int bi_plan_low_buffer(struct bootimg_plan *plan, size_t size,
		       uint64_t *addr, uint8_t **buf);

/*
 * Plan the kexec_load method for REQ's inputs, which the caller has
 * opened (and closes after the plan is freed).
 */
int bi_plan_new(struct bootimg *ctx, const struct bootimg_request *req,
		const struct bi_inputs *in, struct bootimg_plan **plan);

/* The kernel's boot protocol's layout, then the purgatory. */
int bi_arch_plan(struct bootimg *ctx, struct bootimg_plan *plan);

#endif
