// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A whole kernel image compressed as one file (`xz -c bzImage`, `gzip -c
 * vmlinux`): unpacked in memory and probed again as the kernel inside.
 */
#include <stdlib.h>
#include "decompress.h"
#include "format.h"
#include "internal.h"

/* Enough for every kernel format's headers: bzImage setup, ELF, multiboot. */
#define HEADER_WINDOW (64u * 1024)
/* What may follow the declared end: vmlinux.relocs, a signature. */
#define TRAILER_SLACK(declared) ((declared) / 8 + 1024u * 1024)

/*
 * Unpack no more than the kernel inside can be: first its headers only,
 * refused at once if they start no kernel image (a bomb of zeros costs
 * 64 KiB, not 1 GiB); then the whole, up to the size those headers
 * declare, a trailer's slack, and BI_UNPACK_MAX: a DECOMPRESSION_BOMB
 * past that.
 */
static int unpack_kernel(const struct bi_codec *codec,
			 const struct bi_file *file, uint8_t **data,
			 size_t *size)
{
	uint64_t declared, limit = BI_UNPACK_MAX;
	int err = bi_decompress_prefix(codec, file->data, file->size,
				       HEADER_WINDOW, data, size);

	if (err <= 0)
		return err;	/* a failure, or all of it is in the window */
	err = bi_kernel_declared_size(*data, *size, &declared);
	free(*data);
	*data = NULL;
	if (err < 0)
		return err;
	if (declared && declared < BI_UNPACK_MAX &&
	    declared + TRAILER_SLACK(declared) < BI_UNPACK_MAX)
		limit = declared + TRAILER_SLACK(declared);
	return bi_decompress_max(codec, file->data, file->size, (size_t)limit,
				 data, size);
}

static int compressed_probe(const struct bi_file *file,
			    struct bi_kernel *kernel)
{
	const struct bi_codec *codec = bi_codec_detect(file->data, file->size);
	struct bi_file inner = { .path = file->path, .fd = -1 };
	uint8_t *data;
	int err;

	if (!codec)
		return -ENOEXEC;
	err = unpack_kernel(codec, file, &data, &inner.size);
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
