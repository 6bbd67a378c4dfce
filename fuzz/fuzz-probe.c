// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: every image format of src/lib/format.c probes the input:
 * bzImage, ELF vmlinux (64- and 32-bit), and gzip, xz or zstd around them.
 */
#include <stddef.h>
#include <stdint.h>
#include "fuzz.h"
#include "format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bi_file file = {
		.path = "fuzz", .fd = -1, .data = size ? data : NULL,
		.size = size,
	};
	struct bi_kernel kernel;

	if (bi_probe_file(&file, &kernel) == 0)
		bi_kernel_release(&kernel);
	return 0;
}
