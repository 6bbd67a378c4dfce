// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Which entry boots next, by default, once, or boots now, as the boot
 * loader keeps it outside its configuration: GRUB's next_entry and
 * saved_entry in grubenv, systemd-boot's EFI variables (read once, by
 * bls.c, which decides its default from them), and the running
 * kernel's BOOT_IMAGE= in /proc/cmdline.
 */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include "oneshot.h"

int bc_host_parse(struct bc_parse *p, const struct bootcfg_options *options,
		  struct bc_error *error, char **boot_dir)
{
	const char *root = options->root ? options->root : "";

	*p = (struct bc_parse){
		.error = error, .files = 1,
		.root = strcmp(root, "/") ? root : "",
	};
	*boot_dir = NULL;
	if (options->boot_dir)
		p->boot_dir = options->boot_dir;
	else
		p->boot_dir = *boot_dir = bc_join(*p->root ? p->root : "/",
						  "boot");
	return p->boot_dir ? 0 : -ENOMEM;
}

/* GRUB: NAME's value in the grubenv beside grub.cfg, or NULL. */
static int grubenv_value(struct bc_parse *p, const struct bootcfg *cfg,
			 const char *name, char **value)
{
	char *copy = bc_strdup0(cfg->path), *path, *names[] = { (char *)name };
	struct grub_env env = { 0 };
	int err;

	*value = NULL;
	if (!copy)
		return -ENOMEM;
	path = bc_join(dirname(copy), "grubenv");
	free(copy);
	if (!path)
		return -ENOMEM;
	err = grub_env_load(p, &env, path, names, 1);
	free(path);
	if (err == -ENOENT)
		err = 0;	/* no grubenv: nothing set */
	if (!err && grub_env_get(&env, name) && *grub_env_get(&env, name))
		*value = bc_strdup0(grub_env_get(&env, name));
	grub_env_free(&env);
	return err;
}

/* GRUB: the entry grubenv's variable NAME names, or NULL. */
static int named_entry(struct bc_parse *p, const struct bootcfg *cfg,
		       const char *name, const struct bootcfg_entry **entry)
{
	char *value;
	int err = grubenv_value(p, cfg, name, &value);

	*entry = NULL;
	if (err < 0)
		return bc_fail(p, "grubenv", 0, err, "cannot read it: %s",
			       strerror(-err));
	if (value)
		*entry = bootcfg_find(cfg, value);
	free(value);
	return 0;
}

/* systemd-boot: the entry bls.c found for one of its variables. */
static const struct bootcfg_entry *loader_entry(const struct bootcfg *cfg,
						long index)
{
	return index >= 0 ? bootcfg_entry(cfg, (size_t)index) : NULL;
}

/* Does the path KERNEL end with BOOT_IMAGE's, at a '/'? */
static int same_image(const char *kernel, const char *image, size_t n)
{
	size_t k = strlen(kernel);

	return n && k >= n && !strncmp(kernel + k - n, image, n) &&
	       (k == n || image[0] == '/' || kernel[k - n - 1] == '/');
}

/* The entry of BOOT_IMAGE= in /proc/cmdline whose command line is there too. */
static int booted_image(struct bc_parse *p, const struct bootcfg *cfg,
			const struct bootcfg_entry **entry)
{
	char *path = bc_join(*p->root ? p->root : "/", "proc/cmdline"), *buf;
	const char *image;
	size_t len, n, i;
	int err;

	*entry = NULL;
	if (!path)
		return -ENOMEM;
	err = bc_read_file(p, path, &buf, &len);
	free(path);
	if (err)
		return err;
	image = strstr(buf, "BOOT_IMAGE=");
	if (image && (image == buf || image[-1] == ' ')) {
		image += 11;
		n = strcspn(image, " \n");
		for (i = 0; i < bootcfg_count(cfg); i++) {
			const struct bootcfg_entry *e = bootcfg_entry(cfg, i);

			if (!e->kernel || !same_image(e->kernel, image, n))
				continue;
			if (!*entry || strstr(image + n, e->cmdline))
				*entry = e;	/* the first, or an exact one */
			if (*e->cmdline && strstr(image + n, e->cmdline))
				break;
		}
	}
	free(buf);
	return 0;
}

/*
 * The default, a one-shot aside: GRUB's saved_entry when next_entry took
 * its place (grub-mkconfig's grub.cfg: entry 0 when none is saved),
 * systemd-boot's as bls.c chose it without LoaderEntryOneShot, else the
 * configuration's own.
 */
static int default_entry(struct bc_parse *p, const struct bootcfg *cfg,
			 const struct bootcfg_entry **entry)
{
	char *next = NULL;
	int err = 0;

	*entry = loader_entry(cfg, cfg->loader_default);
	if (!strcmp(bootcfg_format(cfg), "grub")) {
		err = grubenv_value(p, cfg, "next_entry", &next);
		if (!err && next) {
			err = named_entry(p, cfg, "saved_entry", entry);
			if (!*entry && bootcfg_count(cfg))
				*entry = bootcfg_entry(cfg, 0);
		}
		free(next);
	}
	if (!err && !*entry)
		*entry = bootcfg_default(cfg);
	return err;
}

/*
 * NULL: what boots next, the configuration's default (GRUB's grub.cfg
 * chose next_entry already; bls.c chose LoaderEntryOneShot).
 */
static int find_alias(struct bc_parse *p, const struct bootcfg *cfg,
		      const char *alias, const struct bootcfg_entry **entry)
{
	int grub = !strcmp(bootcfg_format(cfg), "grub");

	*entry = NULL;
	if (!alias) {
		*entry = bootcfg_default(cfg);
		return 0;
	}
	if (!strcmp(alias, "@default"))
		return default_entry(p, cfg, entry);
	if (!strcmp(alias, "@oneshot")) {
		if (grub)
			return named_entry(p, cfg, "next_entry", entry);
		*entry = loader_entry(cfg, cfg->loader_oneshot);
		return 0;
	}
	if (!strcmp(alias, "@current")) {
		*entry = loader_entry(cfg, cfg->loader_selected);
		return *entry ? 0 : booted_image(p, cfg, entry);
	}
	return bc_fail(p, "", 0, -EINVAL, "--entry=%s: the aliases are "
		       "@default, @oneshot and @current", alias);
}

int bootcfg_find_alias(const struct bootcfg_options *options,
		       const struct bootcfg *cfg, const char *alias,
		       const struct bootcfg_entry **entry,
		       struct bootcfg_error *error)
{
	struct bootcfg_options o;
	struct bc_error e;
	struct bc_parse p;
	char *boot_dir = NULL;
	int err = bc_edge_in(options, &o, error, &e);

	*entry = NULL;
	if (!err)
		err = bc_host_parse(&p, &o, &e, &boot_dir);
	if (!err)
		err = find_alias(&p, cfg, alias, entry);
	free(boot_dir);
	return bc_edge_out(err, &e, error);
}
