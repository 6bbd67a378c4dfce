// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "strv.h"
#include "sysroot.h"

char *sysroot_path(const char *path)
{
	const char *root = secure_getenv("BOOTIMG_SYSROOT");
	size_t size;
	char *full;

	if (!root)
		root = "";
	size = strlen(root) + strlen(path) + 1;
	full = xmalloc(size);
	snprintf(full, size, "%s%s", root, path);
	return full;
}

long sysroot_read(const char *path, char *buf, size_t size)
{
	char *full = sysroot_path(path);
	FILE *f = fopen(full, "re");
	size_t n;

	free(full);
	if (!f)
		return -1;
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return (long)n;
}
