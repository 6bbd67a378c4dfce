/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The host's purgatory blob, embedded in the library (purgatory-blob.S). */
#ifndef BOOTIMG_PURGATORY_BLOB_H
#define BOOTIMG_PURGATORY_BLOB_H

extern const unsigned char bi_purgatory[];
extern const unsigned char bi_purgatory_end[];

#endif
