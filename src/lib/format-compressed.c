// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A whole kernel image compressed as one file (`xz -c bzImage`, `gzip -c
 * vmlinux`): unpacked in memory and probed again as the kernel inside.
 */
#include <stdlib.h>
#include "decompress.h"
#include "format.h"
#include "internal.h"

static int compressed_probe(const struct bi_file *file,
			    struct bi_kernel *kernel)
{
	const struct bi_codec *codec = bi_codec_detect(file->data, file->size);
	struct bi_file inner = { .path = file->path, .fd = -1 };
	uint8_t *data;
	int err;

	if (!codec)
		return -ENOEXEC;
	err = bi_decompress(codec, file->data, file->size, &data, &inner.size);
	if (err < 0)
		return err;
	inner.data = data;
	err = bi_probe_kernel(&inner, kernel);
	if (err < 0) {
		free(data);
		return err;
	}
	kernel->owned = data;
	kernel->image = inner;
	kernel->info.file_size = file->size;
	kernel->info.compression = codec->name;
	return 0;
}

const struct bi_format bi_format_compressed = {
	.name = "compressed",
	.probe = compressed_probe,
};
