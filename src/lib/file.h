/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Input files, mapped read-only so that nothing is copied in user space. */
#ifndef BOOTIMG_FILE_H
#define BOOTIMG_FILE_H

#include <stddef.h>
#include <stdint.h>

struct bootimg;

struct bi_file {
	const char *path;
	int fd;
	const uint8_t *data;	/* NULL for an empty file */
	size_t size;
};

/* Open and map PATH; on failure the context names PATH. */
int bi_file_open(struct bootimg *ctx, const char *path, struct bi_file *file);
void bi_file_close(struct bi_file *file);

#endif
