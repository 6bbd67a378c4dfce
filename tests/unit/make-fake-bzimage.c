// SPDX-License-Identifier: GPL-2.0-or-later
/* make-fake-bzimage FILE: write a small valid bzImage for the CLI tests. */
#include <stdio.h>
#include <stdlib.h>
#include "fake-bzimage.h"

int main(int argc, char **argv)
{
	size_t size = fake_bzimage_size();
	unsigned char *img = malloc(size);
	FILE *f;

	if (argc != 2 || !img) {
		fprintf(stderr, "usage: make-fake-bzimage FILE\n");
		return 2;
	}
	fake_bzimage(img);
	f = fopen(argv[1], "we");
	if (!f || fwrite(img, 1, size, f) != size || fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	free(img);
	return 0;
}
