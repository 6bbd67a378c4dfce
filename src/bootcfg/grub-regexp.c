// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GRUB's regexp [--set=[N:]VAR]... REGEX STRING: true when the extended
 * regular expression matches; each --set stores group N (0: the whole
 * match, the default 1 when N: is left out, as GRUB does) in VAR.
 */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "grub.h"

#define MAX_GROUPS 10

static int store(struct grub_env *env, const char *set, const char *text,
		 const regmatch_t *m)
{
	char *colon = strchr(set, ':'), *end, *value;
	unsigned long group = 1;
	int err;

	if (colon) {
		group = strtoul(set, &end, 10);
		if (end != colon || group >= MAX_GROUPS)
			return 1;
		set = colon + 1;
	}
	if (m[group].rm_so < 0)
		return grub_env_set(env, set, "");
	value = bc_strndup(text + m[group].rm_so,
			   (size_t)(m[group].rm_eo - m[group].rm_so));
	if (!value)
		return -ENOMEM;
	err = grub_env_set(env, set, value);
	free(value);
	return err;
}

int grub_regexp(struct grub_env *env, char *const *a, size_t n)
{
	regmatch_t m[MAX_GROUPS];
	size_t i, first = 1;
	regex_t re;
	int err = 0, rc;

	while (first < n && !strncmp(a[first], "--set=", 6))
		first++;
	if (n - first != 2 || regcomp(&re, a[first], REG_EXTENDED))
		return 1;
	rc = regexec(&re, a[first + 1], MAX_GROUPS, m, 0);
	regfree(&re);
	if (rc)
		return 1;
	for (i = 1; !err && i < first; i++)
		err = store(env, a[i] + 6, a[first + 1], m);
	return err;
}
