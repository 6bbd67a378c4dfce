// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "driver-kind.h"
#include "sysroot.h"

static int exists(const char *path)
{
	char *full = sysroot_path(path);
	int found = access(full, F_OK) == 0;

	free(full);
	return found;
}

/* Does /proc/modules (absent without CONFIG_MODULES) list bootimg? */
static int module_listed(void)
{
	char *full = sysroot_path("/proc/modules"), *line = NULL;
	FILE *f = fopen(full, "re");
	size_t size = 0;
	int found = 0;

	free(full);
	if (!f)
		return 0;
	while (!found && getline(&line, &size, f) > 0)
		found = strncmp(line, "bootimg ", 8) == 0;
	free(line);
	fclose(f);
	return found;
}

static int built_in(void)
{
	if (exists("/sys/module/bootimg/initstate"))
		return 0;
	return exists("/sys/module/bootimg") ||
	       (exists("/dev/bootimg") && !module_listed());
}

const char *driver_name(void)
{
	return built_in() ? "the in-tree bootimg driver" : "bootimg.ko";
}
