// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * make-fake-uki FILE CMDLINE [INITRD]: write a small UKI for the CLI tests:
 * fake_bzimage() as .linux, CMDLINE as .cmdline ("" for none), and the
 * contents of the file INITRD (up to 16 MiB) as .initrd.
 */
#include <stdio.h>
#include <stdlib.h>
#include "fake-uki.h"

#define INITRD_MAX (16u << 20)

static void *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "re");
	void *buf = malloc(INITRD_MAX);

	if (!f || !buf) {
		perror(path);
		exit(1);
	}
	*size = fread(buf, 1, INITRD_MAX, f);
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	size_t size, initrd_size = 0;
	void *initrd = NULL;
	uint8_t *uki;
	FILE *f;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: make-fake-uki FILE CMDLINE [INITRD]\n");
		return 2;
	}
	if (argc == 4)
		initrd = slurp(argv[3], &initrd_size);
	uki = fake_uki(argv[2][0] ? argv[2] : NULL, initrd, initrd_size,
		       &size);
	f = fopen(argv[1], "we");
	if (!f || fwrite(uki, 1, size, f) != size || fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	free(uki);
	free(initrd);
	return 0;
}
