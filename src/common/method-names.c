// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <string.h>
#include "macros.h"
#include "method-names.h"

static const char *const names[] = {
	[BOOTIMG_METHOD_AUTO] = "auto",
	[BOOTIMG_METHOD_FILE] = "file",
	[BOOTIMG_METHOD_KEXEC] = "kexec",
	[BOOTIMG_METHOD_MODULE] = "module",
};

const char *method_name(enum bootimg_method method)
{
	if ((size_t)method >= ARRAY_SIZE(names))
		return "unknown";
	return names[method];
}

int method_from_name(const char *name, enum bootimg_method *method)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (strcmp(name, names[i]) == 0) {
			*method = (enum bootimg_method)i;
			return 0;
		}
	}
	return -EINVAL;
}
