// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include "sysroot.h"

void sysroot_path(const char *path, char *full, size_t size)
{
	const char *root = getenv("BOOTIMG_SYSROOT");

	snprintf(full, size, "%s%s", root ? root : "", path);
}

long sysroot_read(const char *path, char *buf, size_t size)
{
	char full[4096];
	FILE *f;
	size_t n;

	sysroot_path(path, full, sizeof(full));
	f = fopen(full, "re");
	if (!f)
		return -1;
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return (long)n;
}
