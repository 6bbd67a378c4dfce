// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: GRUB's environment block (grubenv: name=value lines,
 * backslash escapes), as libbootcfg's grub_env_parse() reads it, once for
 * every variable and once for the two that load_env picks in grub.cfg.
 */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "internal.h"

static void parse(const uint8_t *data, size_t size, char *const *names,
		  size_t n_names)
{
	struct grub_env env = { 0 };
	char *buf = malloc(size + 1);
	size_t i;

	if (!buf)
		return;
	memcpy(buf, data, size);
	buf[size] = '\0';
	grub_env_parse(&env, buf, size, names, n_names);
	for (i = 0; i < env.n; i++)
		if (grub_env_get(&env, env.v[i].name) == NULL)
			abort();
	free(buf);
	grub_env_free(&env);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char saved[] = "saved_entry", kernelopts[] = "kernelopts";
	char *const names[] = { saved, kernelopts };

	parse(data, size, NULL, 0);
	parse(data, size, names, 2);
	return 0;
}
