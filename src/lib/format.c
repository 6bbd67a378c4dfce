// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "abi.h"
#include "format.h"
#include "internal.h"
#include "macros.h"

static const struct bi_format *const kernel_formats[] = {
	&bi_format_bzimage,
	&bi_format_multiboot,	/* before ELF: a multiboot kernel may be one */
	&bi_format_elf,
};

static const struct bi_format *const container_formats[] = {
	&bi_format_uki,
	&bi_format_compressed,
};

static int probe_with(const struct bi_format *const *formats, size_t n,
		      const struct bi_file *file, struct bi_kernel *kernel)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int err = formats[i]->probe(file, kernel);

		if (err != -ENOEXEC)
			return err;
	}
	return -ENOEXEC;
}

int bi_probe_kernel(const struct bi_file *file, struct bi_kernel *kernel)
{
	return probe_with(kernel_formats, sizeof(kernel_formats) /
			  sizeof(kernel_formats[0]), file, kernel);
}

int bi_kernel_declared_size(const uint8_t *data, size_t size,
			    uint64_t *bytes)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kernel_formats); i++) {
		int err = kernel_formats[i]->declared_size(data, size, bytes);

		if (err != -ENOEXEC)
			return err;
	}
	return -ENOEXEC;
}

int bi_probe_file(const struct bi_file *file, struct bi_kernel *kernel)
{
	int err = bi_probe_kernel(file, kernel);

	if (err != -ENOEXEC)
		return err;
	return probe_with(container_formats, sizeof(container_formats) /
			  sizeof(container_formats[0]), file, kernel);
}

void bi_kernel_release(struct bi_kernel *kernel)
{
	free(kernel->owned);
	kernel->owned = NULL;
	if (kernel->unpacked_map)
		munmap(kernel->unpacked_map, kernel->unpacked_map_size);
	else
		free(kernel->unpacked);
	kernel->unpacked = NULL;
	kernel->unpacked_map = NULL;
}

int bootimg_probe(struct bootimg *ctx, const char *path,
		  struct bootimg_info *info)
{
	struct bi_kernel kernel;
	struct bi_file file;
	int err;

	bi_clear_error(ctx);
	err = ext_out_ok(info, BI_V1_INFO);
	if (err < 0)
		return bi_fail(ctx, NULL, err);
	err = bi_file_open(ctx, path, &file);
	if (err < 0)
		return err;
	err = bi_probe_file(&file, &kernel);
	bi_file_close(&file);
	if (err < 0)
		return bi_fail(ctx, path, err);
	memcpy(ctx->text.version, kernel.version, sizeof(kernel.version));
	kernel.info.size = sizeof(kernel.info);
	kernel.info.version = ctx->text.version;
	ext_out(info, &kernel.info, sizeof(kernel.info));
	bi_kernel_release(&kernel);
	return 0;
}
