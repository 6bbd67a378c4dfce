// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * fixed-bytes SIZE SEED: write SIZE bytes to stdout that look random but
 * are the same on every run and machine (xorshift64* from SEED), so the
 * CLI cases' initrds have fixed digests.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	unsigned long long size;
	uint64_t state;
	char *end;

	if (argc != 3)
		goto usage;
	size = strtoull(argv[1], &end, 0);
	if (*end)
		goto usage;
	state = strtoull(argv[2], &end, 0) * 0x9e3779b97f4a7c15ULL + 1;
	if (*end)
		goto usage;
	while (size--) {
		state ^= state >> 12;
		state ^= state << 25;
		state ^= state >> 27;
		if (putchar((int)((state * 0x2545f4914f6cdd1dULL) >> 56)) == EOF)
			return 1;
	}
	return fflush(stdout) ? 1 : 0;
usage:
	fprintf(stderr, "usage: fixed-bytes SIZE SEED\n");
	return 2;
}
