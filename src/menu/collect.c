// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The entries of every configuration on every mounted device, read with
 * libbootcfg.  A configuration that does not parse, a warning of the
 * parse, a kernel or initrd that cannot be read: each is a problem, and
 * the other entries stay.  An entry already listed (the same kernel,
 * initrds and command line, found again through an ESP's grub.cfg that
 * hands over to /boot's) is listed once, and so is a problem.  An
 * entry's source is the device that holds its kernel; its files are
 * resolved there (resolve.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "array.h"
#include "bootcfg.h"
#include "entries.h"
#include "failure.h"

int menu_problem(struct menu_list *list, const char *source,
		 const char *cause)
{
	int err = array_reserve(&list->problems, &list->cap_problems,
				list->n_problems + 1, sizeof(*list->problems));
	char *s = malloc(strlen(source) + strlen(cause) + 3);
	size_t i;

	if (err || !s) {
		free(s);
		return -ENOMEM;
	}
	sprintf(s, "%s: %s", source, cause);
	for (i = 0; i < list->n_problems; i++)
		if (!strcmp(list->problems[i], s)) {	/* listed once */
			free(s);
			return 0;
		}
	list->problems[list->n_problems++] = s;
	return 0;
}

static char **copy_strings(const char *const *src, size_t n)
{
	char **v = calloc(n + 1, sizeof(*v));
	size_t i;

	for (i = 0; v && i < n; i++)
		if ((v[i] = strdup(src[i])) == NULL) {
			while (i--)
				free(v[i]);
			free(v);
			return NULL;
		}
	return v;
}

static void free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static void entry_free(struct menu_entry *e)
{
	free(e->source);
	free(e->config);
	free(e->id);
	free(e->title);
	free(e->version);
	free(e->kernel);
	free_strings(e->initrds, e->n_initrds);
	free_strings(e->modules, e->n_modules);
	free(e->cmdline);
}

void menu_list_free(struct menu_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		entry_free(&list->v[i]);
	free(list->v);
	free_strings(list->problems, list->n_problems);
	*list = (struct menu_list){ .default_entry = -1 };
}

static int same_boot(const struct menu_entry *a, const struct bootcfg_entry *b)
{
	size_t i;

	if (strcmp(a->kernel, b->kernel) || strcmp(a->cmdline, b->cmdline) ||
	    a->n_initrds != b->n_initrds || a->n_modules != b->n_modules)
		return 0;
	for (i = 0; i < a->n_initrds; i++)
		if (strcmp(a->initrds[i], b->initrds[i]))
			return 0;
	for (i = 0; i < a->n_modules; i++)
		if (strcmp(a->modules[i], b->modules[i]))
			return 0;
	return 1;
}

/* The release: the version string's first word, else vmlinuz-RELEASE. */
static char *release_of(const struct bootimg_info *info, const char *kernel)
{
	const char *base = strrchr(kernel, '/'), *dash;

	if (info->version[0])
		return strndup(info->version, strcspn(info->version, " "));
	base = base ? base + 1 : kernel;
	dash = strchr(base, '-');
	return strdup(dash ? dash + 1 : "");
}

/* The problem "TITLE: PATH: cause of ERR": 0 or -ENOMEM. */
static int file_problem(struct bootimg *ctx, struct menu_list *list,
			const char *source, const char *title,
			const char *path, int err)
{
	char buf[512], cause[1024];
	const char *why;
	int code;

	why = describe_failure(ctx, err, buf, sizeof(buf), &code);
	snprintf(cause, sizeof(cause), "%s: %s: %s", title, path, why);
	return menu_problem(list, source, cause);
}

/* Can E be booted?  If not, the problem says why: 1, 0 or -ENOMEM. */
static int bootable(struct bootimg *ctx, struct menu_list *list,
		    const char *source, const struct bootcfg_entry *e,
		    struct bootimg_info *info)
{
	char cause[1024];
	struct stat st;
	const char *why;
	int err;
	size_t i;

	err = bootimg_probe(ctx, e->kernel, info);
	if (err < 0)
		return file_problem(ctx, list, source, e->title, e->kernel,
				    err) ? -ENOMEM : 0;
	for (i = 0; i < e->n_initrds; i++) {
		if (stat(e->initrds[i], &st))
			why = strerror(errno);
		else if (!S_ISREG(st.st_mode))
			why = "not a regular file";
		else
			continue;
		snprintf(cause, sizeof(cause), "%s: %s: %s", e->title,
			 e->initrds[i], why);
		return menu_problem(list, source, cause) ? -ENOMEM : 0;
	}
	return 1;
}

int menu_add_entry(struct menu_list *list, const char *source,
		   const char *config, const struct bootcfg_entry *e,
		   int is_default, const struct bootimg_info *info)
{
	int err = array_reserve(&list->v, &list->cap, list->n + 1,
				sizeof(*list->v));
	struct menu_entry m = {
		.source = strdup(source),
		.config = strdup(config),
		.id = strdup(e->id ? e->id : ""),
		.title = strdup(e->title),
		.version = release_of(info, e->kernel),
		.kernel = strdup(e->kernel),
		.initrds = copy_strings(e->initrds, e->n_initrds),
		.n_initrds = e->n_initrds,
		.modules = copy_strings(e->modules, e->n_modules),
		.n_modules = e->n_modules,
		.cmdline = strdup(e->cmdline),
		.is_default = is_default,
	};

	if (err || !m.source || !m.config || !m.id || !m.title ||
	    !m.version || !m.kernel || !m.initrds || !m.modules ||
	    !m.cmdline) {
		entry_free(&m);
		return -ENOMEM;
	}
	if (m.is_default && list->default_entry < 0)
		list->default_entry = (long)list->n;
	list->v[list->n++] = m;
	return 0;
}

/* Entry E of CFG, its files resolved on their devices, if it boots. */
static int add_bootable(struct menu_list *list,
			const struct menu_devices *all,
			const char *config_source, const struct bootcfg *cfg,
			const struct bootcfg_entry *e, struct bootimg *ctx)
{
	const struct menu_device *d = device_holding(all, e->kernel);
	const char *source = d ? d->name : config_source, *bad;
	struct bootimg_info info = { .size = sizeof(info) };
	struct resolved r;
	size_t j;
	int err = resolve_entry(all, e, &r, &bad);

	if (err && err != -ENOMEM)
		err = file_problem(ctx, list, source, e->title, bad, err);
	else if (!err) {
		for (j = 0; j < list->n && !same_boot(&list->v[j], &r.e); j++)
			;
		if (j == list->n)	/* not listed yet */
			err = bootable(ctx, list, source, &r.e, &info);
		if (j == list->n && err > 0)
			err = menu_add_entry(list, source, bootcfg_path(cfg),
					     &r.e, bootcfg_default(cfg) == e,
					     &info);
	}
	resolved_free(&r);
	return err;
}

static int add_entries(struct menu_list *list, const struct menu_devices *all,
		       const char *config_source, const struct bootcfg *cfg,
		       struct bootimg *ctx)
{
	size_t i;
	int err = 0;

	for (i = 0; !err && i < bootcfg_warning_count(cfg); i++)
		err = menu_problem(list, config_source,
				   bootcfg_warning(cfg, i));
	for (i = 0; !err && i < bootcfg_count(cfg); i++) {
		const struct bootcfg_entry *e = bootcfg_entry(cfg, i);

		if (e->kernel && !e->hidden)	/* Linux, in the menu */
			err = add_bootable(list, all, config_source, cfg, e,
					   ctx);
	}
	return err;
}

int menu_load_problem(struct menu_list *list, const char *source,
		      const struct bootcfg_error *error)
{
	size_t n = strlen(error->file) + strlen(error->cause) + 16;
	char *cause = malloc(n);
	int err;

	if (!cause)
		return -ENOMEM;
	if (error->line)
		snprintf(cause, n, "%s:%u: %s", error->file, error->line,
			 error->cause);
	else
		snprintf(cause, n, "%s: %s", error->file, error->cause);
	err = menu_problem(list, source, cause);
	free(cause);
	return err;
}

static int read_place(struct menu_list *list, const struct menu_devices *all,
		      const struct menu_device *d,
		      const struct config_place *place, const char *map,
		      struct bootimg *ctx)
{
	struct bootcfg_options o = {
		.size = sizeof(o),
		.config = place->config, .boot_dir = place->boot,
		.root = place->root, .device_map = map,
	};
	struct bootcfg_error error = { .size = sizeof(error) };
	struct bootcfg *cfg;
	int err = bootcfg_load(&o, &cfg, &error);

	if (err) {
		/* Nothing where libbootcfg looked: no problem, only nothing. */
		if (err == -ENOENT && !place->config && !error.line &&
		    !strcmp(error.file, place->boot))
			err = 0;
		else if (err != -ENOMEM)
			err = menu_load_problem(list, d->name, &error);
		bootcfg_error_clear(&error);
		return err;
	}
	err = add_entries(list, all, d->name, cfg, ctx);
	bootcfg_free(cfg);
	return err;
}

int menu_collect(const struct menu_devices *all, const char *map,
		 struct bootimg *ctx, struct menu_list *list)
{
	struct config_place *places;
	size_t i, j, n;
	int err = 0;

	*list = (struct menu_list){ .default_entry = -1 };
	for (i = 0; i < all->n && !err; i++) {
		const struct menu_device *d = &all->v[i];

		if (d->problem)
			err = menu_problem(list, d->name, d->problem);
		if (err || !d->dir)
			continue;
		err = config_places(d->dir, &places, &n);
		for (j = 0; j < n && !err; j++)
			err = read_place(list, all, d, &places[j], map,
					 ctx);
		config_places_free(places, n);
	}
	if (!err && list->default_entry < 0 && list->n)
		list->default_entry = 0;
	if (err)
		menu_list_free(list);
	return err;
}

long menu_find(const struct menu_list *list, const char *selector)
{
	char *end;
	unsigned long number = strtoul(selector, &end, 10);
	size_t i;

	if (!*selector)
		return -1;
	if (*selector >= '0' && *selector <= '9' && !*end && number < list->n)
		return (long)number;
	for (i = 0; i < list->n; i++)
		if (!strcmp(list->v[i].id, selector))
			return (long)i;
	for (i = 0; i < list->n; i++)
		if (!strcmp(list->v[i].title, selector))
			return (long)i;
	return -1;
}
