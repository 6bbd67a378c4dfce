// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: the kexec method's planner on a made-up machine.  The input:
 *   1 byte    flags: FLAG_ENTRY32 (--entry=32), FLAG_FAST_BOOT
 *             (--fast-boot), FLAG_INITRD (an initrd, or a multiboot
 *             kernel's module: the image's first bytes)
 *   2 bytes   the length of the memory map (little-endian), then the
 *             map as /proc/iomem text
 *   1 byte    the length of the command line, then the command line
 *   the rest  the kernel image, probed as bootimg --load probes it.
 * The plan reads nothing of the running system (its sysroot is empty)
 * and loads nothing.  A plan made must keep its promises
 * (tests/unit/plan-check.h), or the harness aborts.
 */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "inputs.h"
#include "plan.h"
#include "plan-check.h"

#define FLAG_ENTRY32 0x01
#define FLAG_FAST_BOOT 0x02
#define FLAG_INITRD 0x04
#define INITRD_MAX 4096u
#define SYSROOT "/nonexistent/bootimg-fuzz-plan"

struct input {
	const uint8_t *p;
	size_t left;
};

static const uint8_t *take(struct input *in, size_t n)
{
	const uint8_t *p = in->p;

	if (n > in->left)
		return NULL;
	in->p += n;
	in->left -= n;
	return p;
}

/* Plan IN on the memory map MAP as bi_plan_new() would. */
static void plan_on(struct bootimg *ctx, const struct bi_inputs *in,
		    const uint8_t *map, size_t map_len, int entry32)
{
	struct bootimg_plan *plan = calloc(1, sizeof(*plan));

	if (!plan)
		return;
	plan->in = in;
	plan->entry32 = !!entry32;
	plan->cmdline = in->cmdline;
	plan->cmdline_len = in->cmdline_len;
	if (bi_memmap_parse_iomem((const char *)map, map_len,
				  &plan->map) == 0 &&
	    bi_arch_plan(ctx, plan) == 0 && plan_broken_promise(plan))
		abort();
	bootimg_plan_free(plan);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const module_args[] = { "fuzz-module arg=1" };
	struct input rest = { data, size };
	const uint8_t *flags = take(&rest, 1), *len = take(&rest, 2);
	const uint8_t *map = len ? take(&rest, len[0] | len[1] << 8) : NULL;
	const uint8_t *cmd_len = map ? take(&rest, 1) : NULL;
	const uint8_t *cmd = cmd_len ? take(&rest, cmd_len[0]) : NULL;
	struct bi_file initrds[2], extra;
	struct bi_inputs in;
	struct bootimg *ctx;
	char cmdline[256];

	if (!cmd || bootimg_new(&ctx) < 0)
		return 0;
	bi_set_sysroot(ctx, SYSROOT);
	memset(&in, 0, sizeof(in));
	in.kernel_file = (struct bi_file){ .path = "fuzz", .fd = -1,
		.data = rest.left ? rest.p : NULL, .size = rest.left };
	memcpy(cmdline, cmd, cmd_len[0]);
	cmdline[cmd_len[0]] = '\0';
	in.cmdline = cmdline;
	in.cmdline_len = strlen(cmdline);
	if (bi_probe_file(&in.kernel_file, &in.kernel) < 0) {
		bootimg_free(ctx);
		return 0;
	}
	extra = (struct bi_file){ .path = "fuzz-initrd", .fd = -1,
		.data = in.kernel_file.data,
		.size = rest.left < INITRD_MAX ? rest.left : INITRD_MAX };
	if (in.kernel.boot == &bi_boot_multiboot) {
		in.modules = &extra;
		in.module_args = module_args;
		in.n_modules = *flags & FLAG_INITRD ? 1 : 0;
	} else {
		in.initrds = initrds;
		if (in.kernel.initrd.size) {	/* a UKI's own first */
			initrds[in.n_initrds++] = in.kernel.initrd;
			in.n_embedded = 1;
		}
		if (*flags & FLAG_INITRD)
			initrds[in.n_initrds++] = extra;
	}
	if (!(*flags & FLAG_FAST_BOOT) ||
	    bi_bzimage_fast_boot(&in.kernel) == 0)
		plan_on(ctx, &in, map, len[0] | len[1] << 8,
			*flags & FLAG_ENTRY32);
	bi_kernel_release(&in.kernel);
	bootimg_free(ctx);
	return 0;
}
