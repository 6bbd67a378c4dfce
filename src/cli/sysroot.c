// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "strv.h"
#include "sysroot.h"

char *sysroot_path(const char *path)
{
	const char *root = getenv("BOOTIMG_SYSROOT");
	size_t size;
	char *full;

	if (!root)
		root = "";
	size = strlen(root) + strlen(path) + 1;
	full = xmalloc(size);
	snprintf(full, size, "%s%s", root, path);
	return full;
}
