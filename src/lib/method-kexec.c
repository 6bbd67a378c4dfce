// SPDX-License-Identifier: GPL-2.0-or-later
/* kexec_load(2): segments planned by bootimg, entered through purgatory. */
#include <linux/kexec.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "method.h"
#include "internal.h"
#include "plan.h"

#if defined(__x86_64__)
#define KEXEC_ARCH_NATIVE KEXEC_ARCH_X86_64
#else
#define KEXEC_ARCH_NATIVE KEXEC_ARCH_386
#endif

static int kexec_load_syscall(uint64_t entry, size_t n,
			      struct kexec_segment *segments,
			      unsigned long flags)
{
	if (syscall(SYS_kexec_load, (unsigned long)entry, (unsigned long)n,
		    segments, flags) < 0)
		return -errno;
	return 0;
}

static int kexec_method_load(struct bootimg *ctx,
			     const struct bootimg_request *req,
			     const struct bi_inputs *in)
{
	struct kexec_segment segments[BI_MAX_SEGMENTS];
	unsigned long flags = KEXEC_ARCH_NATIVE;
	struct bootimg_plan *plan;
	size_t i;
	int err = bi_plan_new(ctx, req, in, &plan);

	if (err < 0)
		return err;
	if (req->flags & BOOTIMG_LOAD_PANIC)
		flags |= KEXEC_ON_CRASH;
	for (i = 0; i < plan->n_segments; i++) {
		const struct bi_segment *s = &plan->segments[i];

		segments[i] = (struct kexec_segment){
			.buf = s->buf, .bufsz = s->bufsz,
			.mem = (void *)(uintptr_t)s->mem,
			.memsz = (size_t)s->memsz,
		};
	}
	err = kexec_load_syscall(plan->summary.entry, plan->n_segments,
				 segments, flags);
	bootimg_plan_free(plan);
	return err < 0 ? bi_fail_refused(ctx, req->kernel, err, req->flags) : 0;
}

static int kexec_method_unload(struct bootimg *ctx, unsigned flags)
{
	unsigned long kflags = KEXEC_ARCH_NATIVE;
	int err;

	if (flags & BOOTIMG_LOAD_PANIC)
		kflags |= KEXEC_ON_CRASH;
	err = kexec_load_syscall(0, 0, NULL, kflags);
	return bi_fail_refused(ctx, NULL, err, flags);
}

const struct bi_method bi_method_kexec = {
	.load = kexec_method_load,
	.unload = kexec_method_unload,
	.staged = bi_kexec_staged,
	.exec = bi_kexec_exec,
};
