// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmdline.h"

/* The running kernel's command line, less what its boot loader added. */
static char *running_cmdline(void)
{
	char buf[8192], *out, *word, *save = NULL;
	FILE *f = fopen("/proc/cmdline", "re");
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	out = calloc(1, n + 1);
	if (!out)
		return NULL;
	for (word = strtok_r(buf, " \n", &save); word;
	     word = strtok_r(NULL, " \n", &save)) {
		if (strncmp(word, "BOOT_IMAGE=", 11) == 0)
			continue;
		if (*out)
			strcat(out, " ");
		strcat(out, word);
	}
	return out;
}

char *compose_cmdline(const char *base, int reuse)
{
	return reuse ? running_cmdline() : strdup(base ? base : "");
}
