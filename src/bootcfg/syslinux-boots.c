// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What a syslinux label boots, from its keyword and, for KERNEL, the file
 * name, as syslinux decides: LINUX is always a Linux kernel; KERNEL
 * FILE.c32 a COM32 module, .com/.cbt a COMBOOT image, .bs/.bss a boot
 * sector, .0 a PXE image, anything else a Linux kernel.  mboot.c32 is
 * the multiboot loader: its APPEND names the kernel and modules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "macros.h"
#include "syslinux.h"

static int has_suffix(const char *file, const char *suffix)
{
	size_t n = strlen(file), m = strlen(suffix);

	return n > m && !strcasecmp(file + n - m, suffix);
}

static int is_mboot(const char *file)
{
	const char *base = strrchr(file, '/');

	return !strcasecmp(base ? base + 1 : file, "mboot.c32");
}

static const struct {
	const char *keyword;	/* NULL: KERNEL with this suffix */
	const char *suffix;
	const char *what;
} kinds[] = {
	{ "COM32", NULL, "COM32 module" },
	{ "COMBOOT", NULL, "COMBOOT image" },
	{ "BOOT", NULL, "boot sector" },
	{ "BSS", NULL, "boot sector" },
	{ "PXE", NULL, "PXE image" },
	{ "FDIMAGE", NULL, "floppy image" },
	{ "CONFIG", NULL, "another configuration" },
	{ NULL, ".c32", "COM32 module" },
	{ NULL, ".com", "COMBOOT image" },
	{ NULL, ".cbt", "COMBOOT image" },
	{ NULL, ".bss", "boot sector" },
	{ NULL, ".bs", "boot sector" },
	{ NULL, ".0", "PXE image" },
};

enum sx_boots sx_boots(const char *keyword, const char *file, char **what)
{
	size_t i;

	*what = NULL;
	if (!strcasecmp(keyword, "LINUX"))
		return SX_LINUX;
	if (!strcasecmp(keyword, "LOCALBOOT")) {
		*what = strdup("the local disk (LOCALBOOT)");
		return *what ? SX_OTHER : SX_NOMEM;
	}
	if ((!strcasecmp(keyword, "KERNEL") || !strcasecmp(keyword, "COM32"))
	    && is_mboot(file))
		return SX_MBOOT;
	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		size_t n;

		if (kinds[i].keyword ? strcasecmp(keyword, kinds[i].keyword) :
		    strcasecmp(keyword, "KERNEL") ||
		    !has_suffix(file, kinds[i].suffix))
			continue;
		n = strlen(kinds[i].what) + strlen(file) + 2;
		*what = malloc(n);
		if (!*what)
			return SX_NOMEM;
		snprintf(*what, n, "%s %s", kinds[i].what, file);
		return SX_OTHER;
	}
	return SX_LINUX;
}
