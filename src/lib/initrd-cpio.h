/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Files added to the initrd on the fly: one newc cpio archive built in a
 * memfd, never a file on disk, with the directories leading to each file.
 */
#ifndef BOOTIMG_INITRD_CPIO_H
#define BOOTIMG_INITRD_CPIO_H

#include "bootimg.h"
#include "file.h"

/* The most the files may add up to, in bytes of content. */
#define BI_INITRD_FILES_MAX (256u * 1024 * 1024)

/*
 * Read FILES (N of them) and make their archive: *OUT gets the memfd and
 * its read-only mapping, to be closed with bi_file_close().  On failure
 * the context names the source or destination at fault.
 */
int bi_initrd_cpio(struct bootimg *ctx, const struct bootimg_initrd_file *files,
		   size_t n, struct bi_file *out);

#endif
