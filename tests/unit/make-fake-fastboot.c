// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * make-fake-fastboot FILE [BAD32]: write a small bzImage that --fast-boot
 * unpacks, its vmlinux followed by a relocation table, for the CLI tests;
 * with BAD32, the table's 32-bit entry names that address instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include "fake-fastboot.h"

int main(int argc, char **argv)
{
	struct blob elf, table, packed, bz;
	FILE *f;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: make-fake-fastboot FILE [BAD32]\n");
		return 2;
	}
	elf = fake_vmlinux();
	table = fake_with_table(elf, argc == 3 ?
				(uint32_t)strtoul(argv[2], NULL, 0) : 0);
	packed = fake_pack_xz(table);
	bz = fake_fastboot_bzimage(packed);
	f = fopen(argv[1], "we");
	if (!packed.size || !f || fwrite(bz.data, 1, bz.size, f) != bz.size ||
	    fclose(f) != 0) {
		perror(argv[1]);
		return 1;
	}
	free(elf.data);
	free(table.data);
	free(packed.data);
	free(bz.data);
	return 0;
}
