// SPDX-License-Identifier: GPL-2.0-or-later
/* Which boot loader: the ops table, detection and the usual places. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "internal.h"
#include "macros.h"

static const struct bc_format *const formats[] = {
	&bc_format_grub, &bc_format_bls, &bc_format_syslinux, &bc_format_lilo,
};
#define N_FORMATS ARRAY_SIZE(formats)

static const struct bc_format *format_named(const char *name)
{
	size_t i;

	for (i = 0; i < N_FORMATS; i++)
		if (!strcmp(formats[i]->name, name))
			return formats[i];
	return NULL;
}

static const struct bc_format *detect(const char *path, const char *buf,
				      size_t len)
{
	const struct bc_format *best = NULL;
	int best_score = 0;
	size_t i;

	for (i = 0; i < N_FORMATS; i++) {
		int score = formats[i]->detect(path, buf, len);

		if (score > best_score) {
			best = formats[i];
			best_score = score;
		}
	}
	return best;
}

static int pick_format(struct bc_parse *p, const char *name, const char *buf,
		       size_t len, const struct bc_format **format)
{
	*format = name ? format_named(name) : detect(p->path, buf, len);
	if (*format)
		return 0;
	if (name)
		return bc_fail(p, NULL, 0, -EINVAL, "unknown boot loader "
			       "format %s (grub, bls, syslinux or lilo)", name);
	return bc_fail(p, p->path, 0, -EBADMSG, "not a configuration of a "
		       "boot loader mkbootcmd knows (GRUB 2, BLS, syslinux, "
		       "LILO)");
}

static int new_config(struct bootcfg **cfg, const char *path)
{
	*cfg = calloc(1, sizeof(**cfg));
	if (!*cfg)
		return -ENOMEM;
	(*cfg)->default_entry = -1;
	(*cfg)->loader_default = -1;
	(*cfg)->loader_oneshot = -1;
	(*cfg)->loader_selected = -1;
	(*cfg)->path = strdup(path ? path : "");
	return (*cfg)->path ? 0 : -ENOMEM;
}

/* Run the parser, then complete the model; frees *cfg on failure. */
static int parse(struct bc_parse *p, const struct bc_format *format,
		 const char *buf, size_t len, const char *dir,
		 struct bootcfg **cfg)
{
	int err = new_config(cfg, p->path);

	p->cfg = *cfg;
	if (!err) {
		(*cfg)->format = format;
		if (dir)
			err = format->parse_dir(p, dir);
		else
			err = bc_check_text(p, buf, len) ?:
			      format->parse(p, buf, len);
	}
	if (!err)	/* a limit reached where a failure was ignored */
		err = bc_budget_check(p);
	if (!err)
		err = bc_finish(*cfg);
	if (err == -ENOMEM)
		bc_fail(p, p->path, 0, err, "out of memory");
	if (err) {
		bootcfg_free(*cfg);
		*cfg = NULL;
	}
	return err;
}

/* bootcfg_parse_buffer() past the edge: OPTIONS NULL to read no file. */
static int parse_buffer(const char *format, const char *buf, size_t len,
			const char *name,
			const struct bootcfg_options *options,
			struct bootcfg **cfg, struct bc_error *error)
{
	const char *root = options && options->root ? options->root : "";
	struct bc_parse p = {
		.error = error, .files = options != NULL,
		.root = strcmp(root, "/") ? root : "",
		.path = name ? name : "(buffer)",
	};
	const struct bc_format *f;
	char *boot_dir = NULL, *text;
	int err;

	if (!buf && len)
		return -EINVAL;
	text = bc_strndup(buf ? buf : "", len);	/* NUL-terminated */
	if (!text)
		return -ENOMEM;
	if (options && options->boot_dir)
		p.boot_dir = options->boot_dir;
	else
		p.boot_dir = boot_dir = bc_join(*p.root ? p.root : "/", "boot");
	err = p.boot_dir ? pick_format(&p, format, text, len, &f) : -ENOMEM;
	if (!err)
		err = parse(&p, f, text, len, NULL, cfg);
	free(boot_dir);
	free(text);
	return err;
}

int bootcfg_parse_buffer(const char *format, const char *buf, size_t len,
			 const char *name, const struct bootcfg_options *options,
			 struct bootcfg **cfg, struct bootcfg_error *error)
{
	struct bootcfg_options o;
	struct bc_error e;
	int err = bc_edge_in(options, &o, error, &e);

	*cfg = NULL;
	if (!err)
		err = parse_buffer(format, buf, len, name,
				   options ? &o : NULL, cfg, &e);
	return bc_edge_out(err, &e, error);
}

static int is_dir(const struct bc_parse *p, const char *path)
{
	return bc_fs_kind(p, path) == S_IFDIR;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* DIR/a/b -> DIR for a config found LEVELS directories below the boot
 * partition (grub/grub.cfg: 2, loader/entries: 2). */
static char *dir_above(const char *path, int levels)
{
	char *d = strdup(path);
	char *slash;

	while (d && levels--) {
		slash = strrchr(d, '/');
		if (!slash) {
			free(d);
			return NULL;
		}
		*slash = '\0';
	}
	if (d && !*d) {
		free(d);
		d = strdup("/");
	}
	return d;
}

/* Where a given configuration's boot partition is, when not told. */
static int levels_below_boot(const char *path)
{
	static const char *const two[] = {
		"/grub/grub.cfg", "/grub2/grub.cfg", "/extlinux/extlinux.conf",
		"/syslinux/syslinux.cfg", "/loader/entries", "/EFI/Linux",
		"/isolinux/isolinux.cfg", "/pxelinux.cfg/default",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(two); i++)
		if (ends_with(path, two[i]))
			return 2;
	return 0;
}

static int load_path(struct bc_parse *p, const char *format_name,
		     struct bootcfg **cfg)
{
	const struct bc_format *f;
	char *buf;
	size_t len;
	int err;

	if (is_dir(p, p->path)) {
		f = format_name ? format_named(format_name) : &bc_format_bls;
		if (!f || !f->parse_dir)
			return bc_fail(p, p->path, 0, -EISDIR,
				       "is a directory, not a file");
		return parse(p, f, NULL, 0, p->path, cfg);
	}
	err = bc_read_file(p, p->path, &buf, &len);
	if (err)
		return err;
	err = pick_format(p, format_name, buf, len, &f);
	if (!err)
		err = parse(p, f, buf, len, NULL, cfg);
	free(buf);
	return err;
}

/* The usual places, in order; BOOT: below the boot directory. */
static const struct {
	int below_boot;
	const char *path;
} usual[] = {
	{ 1, "grub/grub.cfg" },
	{ 1, "grub2/grub.cfg" },
	{ 1, "loader/entries" },
	{ 1, "EFI/Linux" },
	{ 1, "extlinux/extlinux.conf" },
	{ 1, "syslinux/syslinux.cfg" },
	{ 1, "isolinux/isolinux.cfg" },		/* a CD: isolinux looks in */
	{ 0, "isolinux/isolinux.cfg" },		/* /boot/isolinux first */
	{ 0, "syslinux/syslinux.cfg" },
	{ 0, "pxelinux.cfg/default" },		/* a TFTP directory */
	{ 0, "etc/lilo.conf" },
};

static char *search(const struct bc_parse *p)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(usual); i++) {
		char *path = bc_join(usual[i].below_boot ? p->boot_dir :
				     *p->root ? p->root : "/", usual[i].path);

		if (!path || bc_exists(p, path))
			return path;
		free(path);
	}
	return NULL;
}

int bc_load(const struct bootcfg_options *options,
	    const struct bc_file_table *table, struct bootcfg **cfg,
	    struct bc_error *error, struct bc_budget *spent)
{
	static const struct bootcfg_options none;
	const struct bootcfg_options *o = options ? options : &none;
	const char *root = o->root && strcmp(o->root, "/") ? o->root : "";
	struct bc_parse p = { .error = error, .files = 1, .root = root,
			      .table = table };
	struct bc_devmap devices = { 0 };
	char *boot_dir = NULL, *found = NULL;
	int err, levels;

	*cfg = NULL;
	*p.error = (struct bc_error){ .line = 0 };
	if (o->boot_dir)
		p.boot_dir = o->boot_dir;
	else if (o->config && (levels = levels_below_boot(o->config)))
		p.boot_dir = boot_dir = dir_above(o->config, levels);
	else
		p.boot_dir = boot_dir = bc_join(*root ? root : "/", "boot");
	if (!p.boot_dir)
		return -ENOMEM;
	if (o->device_map) {
		err = bc_devmap_load(&p, o->device_map, &devices);
		if (err)
			goto out;
		p.devices = &devices;
	}
	if (o->config) {
		p.path = o->config;
	} else if ((p.path = found = search(&p)) == NULL) {
		err = bc_fail(&p, p.boot_dir, 0, -ENOENT, "no boot loader "
			      "configuration found (GRUB 2, BLS, syslinux, "
			      "extlinux or LILO)");
		goto out;
	}
	err = load_path(&p, o->format, cfg);
out:
	bc_devmap_free(&devices);
	if (spent)
		*spent = p.budget;
	free(found);
	free(boot_dir);
	return err;
}

int bootcfg_load(const struct bootcfg_options *options,
		 struct bootcfg **cfg, struct bootcfg_error *error)
{
	struct bootcfg_options o;
	struct bc_error e;
	int err = bc_edge_in(options, &o, error, &e);

	*cfg = NULL;
	if (!err)
		err = bc_load(&o, NULL, cfg, &e, NULL);
	return bc_edge_out(err, &e, error);
}
