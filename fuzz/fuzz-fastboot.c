// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: --fast-boot's unpacking of the ELF vmlinux a bzImage
 * carries (src/lib/bzimage-fastboot.c), after the image's probe.  What
 * it accepts must be one span of memory: segments in address order, each
 * reaching the next, none wrapping around the address space, none with
 * more bytes than memory.
 */
#include <stdlib.h>
#include "format.h"
#include "fuzz.h"

static void check_span(const struct bi_kernel *k)
{
	size_t i;

	if (k->n_segments == 0 || k->n_segments > BI_MAX_KERNEL_SEGMENTS)
		abort();
	for (i = 0; i < k->n_segments; i++) {
		const struct bi_load_segment *s = &k->segments[i];

		if (s->bufsz > s->memsz || s->mem + s->memsz < s->mem)
			abort();
		if (i + 1 < k->n_segments &&
		    s->mem + s->memsz != k->segments[i + 1].mem)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bi_file file = {
		.path = "fuzz", .fd = -1, .data = size ? data : NULL,
		.size = size,
	};
	struct bi_kernel kernel;

	if (bi_probe_file(&file, &kernel) < 0)
		return 0;
	if (bi_bzimage_fast_boot(&kernel) == 0)
		check_span(&kernel);
	bi_kernel_release(&kernel);
	return 0;
}
