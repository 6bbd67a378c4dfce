// SPDX-License-Identifier: GPL-2.0-or-later
/* The device list: adding, freeing, the device map for libbootcfg. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "device.h"
#include "macros.h"

static char *dup0(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void device_free(struct menu_device *d)
{
	free(d->name);
	free(d->grub);
	free(d->type);
	free(d->uuid);
	free(d->label);
	free(d->partuuid);
	free(d->dir);
	free(d->problem);
}

int devices_add(struct menu_devices *all, const struct menu_device *d)
{
	int err = array_reserve(&all->v, &all->cap, all->n + 1,
				sizeof(*all->v));
	struct menu_device c = {
		dup0(d->name), dup0(d->grub), dup0(d->type), dup0(d->uuid),
		dup0(d->label), dup0(d->partuuid), dup0(d->dir),
		dup0(d->problem),
	};

	if (err || !c.name || !c.grub || (d->type && !c.type) ||
	    (d->uuid && !c.uuid) || (d->label && !c.label) ||
	    (d->partuuid && !c.partuuid) || (d->dir && !c.dir) ||
	    (d->problem && !c.problem)) {
		device_free(&c);
		return -ENOMEM;
	}
	all->v[all->n++] = c;
	return 0;
}

void devices_free(struct menu_devices *all)
{
	size_t i;

	for (i = 0; i < all->n; i++)
		device_free(&all->v[i]);
	free(all->v);
	*all = (struct menu_devices){ 0 };
}

const struct menu_device *device_holding(const struct menu_devices *all,
					 const char *path)
{
	size_t i, n;

	for (i = 0; i < all->n; i++) {
		n = all->v[i].dir ? strlen(all->v[i].dir) : 0;
		if (n && !strncmp(path, all->v[i].dir, n) && path[n] == '/')
			return &all->v[i];
	}
	return NULL;
}

int fs_type_supported(const char *type)
{
	static const char *const known[] = {
		"ext2", "ext3", "ext4", "xfs", "btrfs", "vfat", "iso9660",
	};
	size_t i;

	for (i = 0; type && i < ARRAY_SIZE(known); i++)
		if (!strcmp(type, known[i]))
			return 1;
	return 0;
}

/* A word of the map cannot hold a blank or a '#': leave such ones out. */
static int map_word(const char *s)
{
	return s && *s && !s[strcspn(s, " \t\n#")];
}

void devices_write_map(const struct menu_devices *all, FILE *out)
{
	size_t i;

	for (i = 0; i < all->n; i++) {
		const struct menu_device *d = &all->v[i];

		if (!d->dir || !map_word(d->grub) || !map_word(d->dir))
			continue;
		fprintf(out, "%s %s", d->grub, d->dir);
		if (map_word(d->uuid))
			fprintf(out, " uuid=%s", d->uuid);
		if (map_word(d->label))
			fprintf(out, " label=%s", d->label);
		fputc('\n', out);
	}
}
