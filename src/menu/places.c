// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Where a file system keeps boot loader configurations: below /boot on a
 * root file system, at its top on a /boot or EFI system partition
 * (grub/, loader/entries, EFI/Linux, syslinux...), in EFI/VENDOR/grub.cfg
 * on an ESP, and in btrfs's "@" and "@boot" subvolumes (Ubuntu's and
 * openSUSE's layouts) when the top level holds them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "array.h"
#include "entries.h"

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *a, const char *b)
{
	char *s = malloc(strlen(a) + strlen(b) + 2);

	if (s)
		sprintf(s, "%s/%s", a, b);
	return s;
}

/* ROOT/boot when it is a directory, else ROOT: a /boot partition. */
static char *boot_below(const char *root)
{
	char *boot = root ? join(root, "boot") : NULL;

	if (boot && !is_dir(boot)) {
		free(boot);
		boot = strdup(root);
	}
	return boot;
}

struct places {
	struct config_place *v;
	size_t n, cap;
};

/* Add ROOT, BOOT and CONFIG (or NULL), which it takes. */
static int add(struct places *p, char *root, char *boot, char *config)
{
	if (array_reserve(&p->v, &p->cap, p->n + 1, sizeof(*p->v)) < 0 ||
	    !root || !boot) {
		free(root);
		free(boot);
		free(config);
		return -ENOMEM;
	}
	p->v[p->n++] = (struct config_place){ root, boot, config };
	return 0;
}

static int add_esp_grub(const char *dir, struct places *p)
{
	char *efi = join(dir, "EFI"), *cfg;
	struct dirent *e;
	int err = efi ? 0 : -ENOMEM;
	DIR *d = efi ? opendir(efi) : NULL;

	while (d && !err && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "Linux"))
			continue;
		cfg = malloc(strlen(efi) + strlen(e->d_name) + 11);
		if (!cfg) {
			err = -ENOMEM;
			break;
		}
		sprintf(cfg, "%s/%s/grub.cfg", efi, e->d_name);
		if (access(cfg, R_OK) == 0)
			err = add(p, strdup(dir), strdup(dir), cfg);
		else
			free(cfg);
	}
	if (d)
		closedir(d);
	free(efi);
	return err;
}

int config_places(const char *dir, struct config_place **places, size_t *n)
{
	struct places p = { 0 };
	char *at = join(dir, "@");
	int err = at ? 0 : -ENOMEM;

	if (!err && is_dir(at)) {
		char *at_boot = join(dir, "@boot");

		if (at_boot && !is_dir(at_boot)) {
			free(at_boot);
			at_boot = boot_below(at);
		}
		err = add(&p, strdup(at), at_boot, NULL);
	}
	free(at);
	if (!err)
		err = add(&p, strdup(dir), boot_below(dir), NULL);
	if (!err)
		err = add_esp_grub(dir, &p);
	if (err) {
		config_places_free(p.v, p.n);
		p = (struct places){ 0 };
	}
	*places = p.v;
	*n = p.n;
	return err;
}

void config_places_free(struct config_place *places, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(places[i].root);
		free(places[i].boot);
		free(places[i].config);
	}
	free(places);
}
