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

struct bootimg_plan {
	const struct bi_inputs *in;	/* own_inputs, or the caller's */
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
 * Plan the kexec_load method for REQ's inputs, which the caller has
 * opened (and closes after the plan is freed).
 */
int bi_plan_new(struct bootimg *ctx, const struct bootimg_request *req,
		const struct bi_inputs *in, struct bootimg_plan **plan);

/* The architecture's layout: kernel, initrds, boot_params, purgatory. */
int bi_arch_plan(struct bootimg *ctx, struct bootimg_plan *plan);

#endif
