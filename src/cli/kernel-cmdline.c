// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "escape.h"
#include "kernel-cmdline.h"
#include "sysroot.h"

/* The running kernel's command line, without the final newline. */
static char *running_cmdline(void)
{
	char buf[8192];

	if (sysroot_read("/proc/cmdline", buf, sizeof(buf)) < 0)
		return NULL;
	buf[strcspn(buf, "\n")] = '\0';
	return strdup(buf);
}

char *compose_cmdline(const char *base, int reuse)
{
	return reuse ? running_cmdline() : strdup(base ? base : "");
}

const char *bad_remove_key(char **keys)
{
	for (; keys && *keys; keys++)
		if (!**keys || strpbrk(*keys, "=\" \t\n\v\f\r"))
			return *keys;
	return NULL;
}

const char **removals(char **keys, int reuse, size_t *n)
{
	size_t i, count = 0;
	const char **list;

	while (keys && keys[count])
		count++;
	list = calloc(count + 2, sizeof(*list));
	if (!list)
		return NULL;
	for (i = 0; i < count; i++)
		list[i] = keys[i];
	if (reuse) {
		list[count++] = "BOOT_IMAGE";
		list[count++] = "initrd";
	}
	*n = count;
	return list;
}

void print_cmdline(FILE *out, const char *prefix, const char *cmdline)
{
	if (!cmdline)
		return;
	fprintf(out, "%scommand line: ", prefix);
	put_escaped(out, cmdline);
	fputc('\n', out);
}
