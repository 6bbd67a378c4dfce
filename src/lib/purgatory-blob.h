/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The purgatory blob embedded in the library (src/lib/purgatory-blob.S). */
#ifndef BOOTIMG_PURGATORY_BLOB_H
#define BOOTIMG_PURGATORY_BLOB_H

extern const unsigned char bi_purgatory_x86_64[];
extern const unsigned char bi_purgatory_x86_64_end[];

#endif
