// SPDX-License-Identifier: GPL-2.0-or-later
#include "checksum64.h"

/* Odd constants: the golden ratio and the square root of 2, in 64 bits. */
#define ODD_A 0x9e3779b97f4a7c15ull
#define ODD_B 0x6a09e667f3bcc909ull

static inline uint64_t rotl(uint64_t v, unsigned n)
{
	return (v << n) | (v >> (64 - n));
}

static inline uint64_t step(uint64_t lane, uint64_t word)
{
	return rotl(lane ^ word, 27) * ODD_A;
}

static inline uint64_t load64(const uint8_t *p)
{
	uint64_t v;

	__builtin_memcpy(&v, p, sizeof(v));	/* any alignment */
	return v;
}

/* A bijective final mix, so that close inputs give far results. */
static uint64_t scramble(uint64_t v)
{
	v ^= v >> 31;
	v *= ODD_B;
	v ^= v >> 29;
	v *= ODD_A;
	return v ^ (v >> 32);
}

uint64_t bi_checksum64(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint64_t lane[4] = { ODD_A, ODD_B, ~ODD_A, ~ODD_B };
	uint8_t tail[32] = { 0 };
	size_t i, rest = len % 32, whole = len - rest;
	uint64_t sum;

	for (i = 0; i < whole; i += 32) {
		lane[0] = step(lane[0], load64(p + i));
		lane[1] = step(lane[1], load64(p + i + 8));
		lane[2] = step(lane[2], load64(p + i + 16));
		lane[3] = step(lane[3], load64(p + i + 24));
	}
	if (rest) {
		for (i = 0; i < rest; i++)
			tail[i] = p[whole + i];
		for (i = 0; i < 4; i++)
			lane[i] = step(lane[i], load64(tail + 8 * i));
	}
	/* Each lane enters through a bijection: no lane can cancel another. */
	sum = scramble(lane[0]) ^ lane[1];
	sum = scramble(sum) ^ lane[2];
	sum = scramble(sum) ^ lane[3];
	return scramble(sum ^ (uint64_t)len);
}
