// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GRUB devices: a path without one is on $root; search, search.fs_uuid,
 * search.fs_label and search.file against the device map, the first
 * device that matches going into the variable (--set=VAR, "root" by
 * default).  With --file, the configuration's own device ("boot") is
 * looked at after the map's.  Nothing found, or no --fs-uuid, --label or
 * --file: the variable is left alone and the command fails, as in GRUB.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "grub.h"

char *grub_resolve(const struct bc_parse *p, const struct grub_env *env,
		   const char *path)
{
	const char *root = grub_env_get(env, "root");
	char *on_root, *host;
	size_t len, n;

	if (path[0] != '/' || !root || !*root || !strcmp(root, BC_GRUB_DEVICE))
		return bc_resolve(p, path);
	len = strlen(root);
	if (root[0] == '(' && root[len - 1] == ')') {	/* '(hd0,msdos1)' */
		root++;
		len -= len > 1 ? 2 : 1;
	}
	n = len + strlen(path) + 3;
	on_root = malloc(n);
	if (!on_root)
		return NULL;
	snprintf(on_root, n, "(%.*s)%s", (int)len, root, path);
	host = bc_resolve(p, on_root);
	free(on_root);
	return host;
}

static const char *found_on(const struct bc_parse *p,
			    enum bc_device_key key, const char *value)
{
	const struct bc_device *d = bc_device_find(p, key, value);
	char *file;
	int here;

	if (d)
		return d->name;
	if (key != BC_BY_FILE)
		return NULL;
	file = bc_join(p->boot_dir, value);
	here = file && bc_exists(p, file);
	free(file);
	return here ? BC_GRUB_DEVICE : NULL;
}

/* search.fs_uuid UUID [VAR] and its kin; KEY from the command's name. */
static int short_form(const struct bc_parse *p, struct grub_env *env,
		      enum bc_device_key key, char *const *a, size_t n)
{
	const char *name = n > 1 ? found_on(p, key, a[1]) : NULL;

	if (!name)
		return 1;
	return grub_env_set(env, n > 2 ? a[2] : "root", name);
}

int grub_search(const struct bc_parse *p, struct grub_env *env,
		char *const *a, size_t n)
{
	const char *var = "root", *name = NULL;
	int key = -1;		/* GRUB: "unspecified search type" */
	size_t i;

	if (!strcmp(a[0], "search.fs_uuid"))
		return short_form(p, env, BC_BY_UUID, a, n);
	if (!strcmp(a[0], "search.fs_label"))
		return short_form(p, env, BC_BY_LABEL, a, n);
	if (!strcmp(a[0], "search.file"))
		return short_form(p, env, BC_BY_FILE, a, n);
	for (i = 1; i < n && !name; i++) {
		if (!strcmp(a[i], "--fs-uuid") || !strcmp(a[i], "-u"))
			key = BC_BY_UUID;
		else if (!strcmp(a[i], "--label") || !strcmp(a[i], "-l"))
			key = BC_BY_LABEL;
		else if (!strcmp(a[i], "--file") || !strcmp(a[i], "-f"))
			key = BC_BY_FILE;
		else if (!strncmp(a[i], "--set=", 6))	/* --set alone: root */
			var = a[i] + 6;
		else if (!strncmp(a[i], "--hint", 6) && !strchr(a[i], '='))
			i++;		/* --hint DEVICE and its kin */
		else if (a[i][0] != '-' && key >= 0)
			name = found_on(p, (enum bc_device_key)key, a[i]);
	}
	if (!name)
		return 1;
	return grub_env_set(env, var, name);
}
