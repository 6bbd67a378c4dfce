/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Image formats.  Each format recognises its files and describes the
 * kernel inside in one form, struct bi_kernel, from which the planner
 * works without knowing the format.
 */
#ifndef BOOTIMG_FORMAT_H
#define BOOTIMG_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include "bootimg.h"
#include "file.h"

struct bi_kernel {
	struct bootimg_info info;
	const uint8_t *payload;		/* code to load at the load address */
	size_t payload_size;
	const uint8_t *setup_header;	/* bytes for boot_params.hdr */
	size_t setup_header_size;
	uint64_t entry64_offset;	/* 64-bit entry, from the load address */
};

struct bi_format {
	const char *name;
	/* -ENOEXEC: not this format; -EBADMSG: this format, but broken. */
	int (*probe)(const struct bi_file *file, struct bi_kernel *kernel);
};

extern const struct bi_format bi_format_bzimage;

/* Find the format of FILE and describe its kernel. */
int bi_probe_file(const struct bi_file *file, struct bi_kernel *kernel);

#endif
