/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * SHA-256 (FIPS 180-4), freestanding: it is built into libbootimg and into
 * the purgatory, which has no C library.
 */
#ifndef BOOTIMG_SHA256_H
#define BOOTIMG_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct bi_sha256 {
	uint32_t h[8];
	uint64_t length;	/* bytes hashed so far */
	uint8_t block[64];
	size_t used;		/* bytes waiting in block */
};

void bi_sha256_init(struct bi_sha256 *s);
void bi_sha256_update(struct bi_sha256 *s, const void *data, size_t len);
void bi_sha256_final(struct bi_sha256 *s, uint8_t out[32]);
void bi_sha256(const void *data, size_t len, uint8_t out[32]);

#endif
