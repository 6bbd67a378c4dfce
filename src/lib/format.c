// SPDX-License-Identifier: GPL-2.0-or-later
#include "format.h"
#include "internal.h"

static const struct bi_format *const formats[] = {
	&bi_format_bzimage,
};

int bi_probe_file(const struct bi_file *file, struct bi_kernel *kernel)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		int err = formats[i]->probe(file, kernel);

		if (err != -ENOEXEC)
			return err;
	}
	return -ENOEXEC;
}

int bootimg_probe(struct bootimg *ctx, const char *path,
		  struct bootimg_info *info)
{
	struct bi_kernel kernel;
	struct bi_file file;
	int err = bi_file_open(ctx, path, &file);

	if (err < 0)
		return err;
	err = bi_probe_file(&file, &kernel);
	bi_file_close(&file);
	if (err < 0)
		return bi_fail(ctx, path, err);
	*info = kernel.info;
	return 0;
}
