// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "abi.h"
#include "crash.h"
#include "internal.h"
#include "plan.h"

static const struct bi_span *overlap(const struct bootimg_plan *plan,
				     uint64_t start, uint64_t end)
{
	size_t i;

	for (i = 0; i < plan->n_reserved; i++) {
		const struct bi_span *r = &plan->reserved[i];

		if (start < r->end && r->start < end)
			return r;
	}
	return NULL;
}

/* Search one RAM range [lo, hi) from the bottom. */
static int find_up(const struct bootimg_plan *plan, const struct bi_place *w,
		   uint64_t lo, uint64_t hi, uint64_t *addr)
{
	uint64_t a = bi_align_up(lo, w->align);

	while (a >= lo && a + w->size > a && a + w->size <= hi) {
		const struct bi_span *r = overlap(plan, a, a + w->size);

		if (!r) {
			*addr = a;
			return 0;
		}
		a = bi_align_up(r->end, w->align);
	}
	return -ENOSPC;
}

/* Search one RAM range [lo, hi) from the top. */
static int find_down(const struct bootimg_plan *plan,
		     const struct bi_place *w, uint64_t lo, uint64_t hi,
		     uint64_t *addr)
{
	uint64_t a;

	if (hi - lo < w->size)
		return -ENOSPC;
	a = bi_align_down(hi - w->size, w->align);
	while (a >= lo) {
		const struct bi_span *r = overlap(plan, a, a + w->size);

		if (!r) {
			*addr = a;
			return 0;
		}
		if (r->start < lo + w->size)
			break;
		a = bi_align_down(r->start - w->size, w->align);
	}
	return -ENOSPC;
}

int bi_plan_find(const struct bootimg_plan *plan, const struct bi_place *want,
		 uint64_t *addr)
{
	size_t n = plan->map.count, k;

	for (k = 0; k < n; k++) {
		const struct bi_mem_range *r =
			&plan->map.ranges[want->top_down ? n - 1 - k : k];
		uint64_t lo = r->start > want->min ? r->start : want->min;
		uint64_t hi = r->end < want->max ? r->end : want->max;
		int err;

		if (r->type != BI_MEM_RAM || lo >= hi)
			continue;
		err = want->top_down ? find_down(plan, want, lo, hi, addr)
				     : find_up(plan, want, lo, hi, addr);
		if (err == 0)
			return 0;
	}
	return -ENOSPC;
}

int bi_plan_reserve(struct bootimg_plan *plan, uint64_t start, uint64_t end)
{
	if (plan->n_reserved == BI_MAX_SEGMENTS)
		return bi_cause(BOOTIMG_CAUSE_TOO_MANY_SEGMENTS);
	if (end <= start || overlap(plan, start, end))
		return -EINVAL;
	plan->reserved[plan->n_reserved++] =
		(struct bi_span){ .start = start, .end = end };
	return 0;
}

int bi_plan_add(struct bootimg_plan *plan, const char *what, const void *buf,
		size_t bufsz, uint64_t mem, uint64_t memsz)
{
	int err;

	memsz = bi_align_up(memsz, BI_PAGE_SIZE);
	if (plan->n_segments == BI_MAX_SEGMENTS)
		return bi_cause(BOOTIMG_CAUSE_TOO_MANY_SEGMENTS);
	if (mem % BI_PAGE_SIZE || bufsz > memsz)
		return -EINVAL;
	err = bi_plan_reserve(plan, mem, mem + memsz);
	if (err < 0)
		return err;
	plan->segments[plan->n_segments++] = (struct bi_segment){
		.what = what, .buf = buf, .bufsz = bufsz,
		.mem = mem, .memsz = memsz,
	};
	return 0;
}

int bi_plan_own(struct bootimg_plan *plan, void *buf)
{
	if (plan->n_owned == BI_MAX_SEGMENTS) {
		free(buf);
		return bi_cause(BOOTIMG_CAUSE_TOO_MANY_SEGMENTS);
	}
	plan->owned[plan->n_owned++] = buf;
	return 0;
}

int bi_plan_add_kernel_segments(struct bootimg_plan *plan)
{
	const struct bi_kernel *k = &plan->in->kernel;
	size_t i;
	int err = 0;

	for (i = 0; err == 0 && i < k->n_segments; i++) {
		const struct bi_load_segment *s = &k->segments[i];
		uint64_t lead = s->mem % BI_PAGE_SIZE, start = s->mem - lead;
		uint64_t size = bi_align_up(lead + s->memsz, BI_PAGE_SIZE), at;
		struct bi_place here = {
			.size = size, .align = BI_PAGE_SIZE,
			.min = start, .max = start + size,
		};
		const uint8_t *buf = s->buf;
		uint8_t *copy;

		err = bi_plan_find(plan, &here, &at);
		if (err == 0 && lead) {
			copy = calloc(1, lead + s->bufsz);
			err = copy ? bi_plan_own(plan, copy) : -ENOMEM;
			if (err == 0)
				memcpy(copy + lead, s->buf, s->bufsz);
			buf = copy;
		}
		if (err == 0)
			err = bi_plan_add(plan, "kernel", buf, lead + s->bufsz,
					  at, size);
	}
	return err;
}

int bi_plan_low_buffer(struct bootimg_plan *plan, size_t size,
		       uint64_t *addr, uint8_t **buf)
{
	struct bi_place where = {
		.size = bi_align_up(size, BI_PAGE_SIZE),
		.align = BI_PAGE_SIZE, .min = BI_MIB, .max = 1ull << 32,
	};
	int err = bi_plan_find(plan, &where, addr);

	if (err < 0)
		return err;
	*buf = calloc(1, size);
	if (!*buf)
		return -ENOMEM;
	return bi_plan_own(plan, *buf);
}

int bi_plan_new(struct bootimg *ctx, const struct bootimg_request *req,
		const struct bi_inputs *in, struct bootimg_plan **out)
{
	struct bootimg_plan *plan = calloc(1, sizeof(*plan));
	int err;

	if (!plan)
		return bi_fail(ctx, NULL, -ENOMEM);
	plan->in = in;
#ifdef __i386__
	plan->entry32 = 1;	/* the i386 purgatory has no other entry */
#else
	plan->entry32 = !!(req->flags & BOOTIMG_LOAD_ENTRY32);
#endif
	plan->breadcrumb = !!(req->flags & BOOTIMG_LOAD_BREADCRUMB);
	plan->cmdline = in->cmdline;
	plan->cmdline_len = in->cmdline_len;
	err = bi_memmap_read(ctx, &plan->map);
	if (err < 0)
		err = bi_fail(ctx, "/sys/firmware/memmap", err);
	if (err == 0 && (req->flags & BOOTIMG_LOAD_PANIC)) {
		err = bi_arch_crash_plan(ctx, plan);
		/* elfcorehdr= made the command line too long */
		if (err == -E2BIG)
			err = bi_fail_cmdline_too_long(ctx, req->kernel,
					in->kernel.info.cmdline_size);
		else if (err < 0)
			err = bi_fail_blame(ctx, req->kernel, err);
	}
	if (err == 0) {
		bi_fail(ctx, NULL, 0);
		err = bi_arch_plan(ctx, plan);
		/* Unless a firmware file is to blame, the kernel is. */
		if (err < 0)
			err = bi_fail_blame(ctx, req->kernel, err);
	}
	/* A panic kernel's RAM is the crash reservation. */
	if (err == -ENOSPC && (req->flags & BOOTIMG_LOAD_PANIC))
		err = bi_fail_add_cause(ctx,
					BOOTIMG_CAUSE_CRASH_RESERVATION_FULL);
	if (err < 0) {
		bootimg_plan_free(plan);
		return err;
	}
	*out = plan;
	return 0;
}

int bootimg_plan_new(struct bootimg *ctx,
		     const struct bootimg_request *caller_req,
		     struct bootimg_plan **out)
{
	struct bootimg_request request, *req = &request;
	struct bi_inputs *in;
	int err;

	bi_clear_error(ctx);
	err = ext_in(req, sizeof(*req), caller_req, BI_V1_REQUEST);
	if (err < 0)
		return bi_fail(ctx, NULL, err);
	in = malloc(sizeof(*in));
	if (!in)
		return bi_fail(ctx, NULL, -ENOMEM);
	err = bi_inputs_open(ctx, req, 0, in);
	if (err < 0) {
		free(in);
		return err;
	}
	err = bi_plan_new(ctx, req, in, out);
	if (err < 0) {
		bi_inputs_close(in);
		free(in);
		return err;
	}
	(*out)->own_inputs = in;
	return 0;
}

void bootimg_plan_free(struct bootimg_plan *plan)
{
	size_t i;

	if (!plan)
		return;
	for (i = 0; i < plan->n_owned; i++)
		free(plan->owned[i]);
	bi_memmap_free(&plan->map);
	if (plan->own_inputs) {
		bi_inputs_close(plan->own_inputs);
		free(plan->own_inputs);
	}
	free(plan);
}

const char *bootimg_plan_cmdline(const struct bootimg_plan *plan)
{
	return plan->in->cmdline;
}

size_t bootimg_plan_segment_count(const struct bootimg_plan *plan)
{
	return plan->n_segments;
}

int bootimg_plan_segment(const struct bootimg_plan *plan, size_t i,
			 struct bootimg_segment *seg)
{
	const struct bi_segment *s;
	struct bootimg_segment out;

	if (i >= plan->n_segments)
		return -ERANGE;
	if (ext_out_ok(seg, BI_V1_SEGMENT) < 0)
		return -EINVAL;
	s = &plan->segments[i];
	out = (struct bootimg_segment){
		.size = sizeof(out), .what = s->what, .bufsz = s->bufsz,
		.mem = s->mem, .memsz = s->memsz,
	};
	ext_out(seg, &out, sizeof(out));
	return 0;
}

int bootimg_plan_summarize(const struct bootimg_plan *plan,
			   struct bootimg_plan_summary *summary)
{
	struct bootimg_plan_summary out = plan->summary;

	if (ext_out_ok(summary, BI_V1_PLAN_SUMMARY) < 0)
		return -EINVAL;
	out.size = sizeof(out);
	ext_out(summary, &out, sizeof(out));
	return 0;
}
