// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Boot Loader Specification: Type #1 entries (loader/entries/ *.conf) and
 * Type #2 unified kernel images (EFI/Linux/ *.efi), sorted as the
 * specification says; the default from loader/loader.conf.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "efivar.h"
#include "internal.h"
#include "macros.h"
#include "strbuf.h"

static int set_once(char **field, const char *value)
{
	free(*field);
	*field = strdup(value);
	return *field ? 0 : -ENOMEM;
}

static int push_initrd(struct bls_entry *e, const char *value)
{
	return bc_strv_push(&e->initrds, &e->n_initrds, &e->cap_initrds,
			    strdup(value));
}

static int add_options(struct bls_entry *e, const char *value)
{
	struct strbuf b = { 0 };

	if (e->options)
		strbuf_add(&b, e->options);
	strbuf_add_word(&b, value);
	free(e->options);
	e->options = strbuf_take(&b);
	return e->options ? 0 : -ENOMEM;
}

static int valid_key(const char *key)
{
	return *key && strspn(key, "abcdefghijklmnopqrstuvwxyz"
			      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") ==
		      strlen(key);
}

static int entry_key(struct bls_entry *e, const char *key, const char *value)
{
	static const struct {
		const char *key;
		size_t field;
	} single[] = {
		{ "title", offsetof(struct bls_entry, title) },
		{ "version", offsetof(struct bls_entry, version) },
		{ "machine-id", offsetof(struct bls_entry, machine_id) },
		{ "sort-key", offsetof(struct bls_entry, sort_key) },
		{ "linux", offsetof(struct bls_entry, linux_path) },
		{ "efi", offsetof(struct bls_entry, efi) },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(single); i++)
		if (!strcmp(key, single[i].key))
			return set_once((char **)((char *)e + single[i].field),
					value);
	if (!strcmp(key, "initrd"))
		return push_initrd(e, value);
	if (!strcmp(key, "options"))
		return add_options(e, value);
	return 0;	/* devicetree, architecture, grub_*: not ours */
}

int bls_parse_entry(struct bc_parse *p, const char *id, const char *buf,
		    size_t len, struct bls_entry *e)
{
	struct bc_lines lines = BC_LINES(buf, len);
	char *text;
	int err;

	e->id = strdup(id);
	if (!e->id)
		return -ENOMEM;
	while ((err = bc_next_line(&lines, &text)) > 0) {
		char *key = bc_trim(text);
		char *value = key + strcspn(key, " \t");

		if (*value)
			*value++ = '\0';
		value = bc_trim(value);
		err = 0;
		if (*key && *key != '#') {
			if (!valid_key(key))
				err = bc_syntax(p, lines.n,
						"not a \"key value\" line");
			else
				err = entry_key(e, key, value);
		}
		free(text);
		if (err)
			break;
	}
	if (!err && !e->linux_path && !e->efi)
		err = bc_syntax(p, lines.n,
				"the entry has neither linux nor efi");
	return err;
}

static int cmp_str0(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

/*
 * The specification's order: entries with a sort-key first, by sort-key,
 * then machine-id, then version (newest first); the rest, and ties, by
 * file name, newest version first.
 */
static int bls_cmp(const void *pa, const void *pb)
{
	const struct bls_entry *a = pa, *b = pb;
	int c;

	if (!a->sort_key != !b->sort_key)
		return a->sort_key ? -1 : 1;
	if (a->sort_key) {
		if ((c = strcmp(a->sort_key, b->sort_key)) ||
		    (c = cmp_str0(a->machine_id, b->machine_id)) ||
		    (c = -bc_vercmp(a->version ? a->version : "",
				    b->version ? b->version : "")))
			return c;
	}
	return -bc_vercmp(a->id, b->id);
}

void bls_sort(struct bls_list *list)
{
	if (list->n > 1)
		qsort(list->v, list->n, sizeof(*list->v), bls_cmp);
}

static void entry_free(struct bls_entry *e)
{
	size_t i;

	for (i = 0; i < e->n_initrds; i++)
		free(e->initrds[i]);
	free(e->initrds);
	free(e->id);
	free(e->file);
	free(e->title);
	free(e->version);
	free(e->machine_id);
	free(e->sort_key);
	free(e->linux_path);
	free(e->efi);
	free(e->options);
}

void bls_list_free(struct bls_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		entry_free(&list->v[i]);
	free(list->v);
	*list = (struct bls_list){ 0 };
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n > m && !strcmp(s + n - m, suffix);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct names {
	const char *suffix;
	char **v;
	size_t n, cap;
};

static int add_name(void *ctx, const char *name)
{
	struct names *l = ctx;

	if (name[0] == '.' || !ends_with(name, l->suffix))
		return 0;
	if (l->n >= BC_MAX_ENTRIES)
		return -E2BIG;	/* not a subset in readdir order */
	if (array_reserve(&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
		return -ENOMEM;
	l->v[l->n] = strdup(name);
	if (!l->v[l->n])
		return -ENOMEM;
	l->n++;
	return 0;
}

/* The names in DIR ending in SUFFIX, sorted; a missing DIR is empty. */
static int list_dir(struct bc_parse *p, const char *dir, const char *suffix,
		    char ***names, size_t *n)
{
	struct names l = { .suffix = suffix };
	int err = bc_fs_list(p, dir, add_name, &l);

	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), name_cmp);
	*names = l.v;
	*n = l.n;
	return err == -ENOMEM || err == -E2BIG ? err : 0;
}

static void names_free(char **names, size_t n)
{
	while (n)
		free(names[--n]);
	free(names);
}

static struct bls_entry *grow(struct bls_list *list)
{
	if (array_reserve(&list->v, &list->cap, list->n + 1,
			  sizeof(*list->v)) < 0)
		return NULL;
	list->v[list->n] = (struct bls_entry){ 0 };
	return &list->v[list->n++];
}

/*
 * A malformed entry, or one with neither linux nor efi, is left out with
 * a warning, as systemd-boot and GRUB's blscfg do: the others still boot.
 */
static int skip_last(struct bc_parse *p, struct bls_list *list)
{
	entry_free(&list->v[--list->n]);
	return bc_warn_error(p, "entry skipped");
}

static int read_conf(struct bc_parse *p, const char *dir, const char *name,
		     struct bls_list *list)
{
	const char *saved_path = p->path;
	struct bls_entry *e = grow(list);
	char *buf, *id;
	size_t len;
	int err;

	if (!e)
		return -ENOMEM;
	e->file = bc_join(dir, name);
	id = bc_strndup(name, strlen(name) - strlen(".conf"));
	if (!e->file || !id) {
		free(id);
		return -ENOMEM;
	}
	err = bc_read_file(p, e->file, &buf, &len);
	p->path = e->file;
	if (!err)
		err = bc_check_text(p, buf, len) ?:
		      bls_parse_entry(p, id, buf, len, e);
	p->path = saved_path;
	free(buf);
	free(id);
	return err == -EBADMSG ? skip_last(p, list) : err;
}

static int read_uki(struct bc_parse *p, const char *dir, const char *name,
		    struct bls_list *list)
{
	struct bls_entry *e = grow(list);
	int err;

	if (!e)
		return -ENOMEM;
	e->uki = 1;
	e->file = bc_join(dir, name);
	e->id = strdup(name);
	if (!e->file || !e->id)
		return -ENOMEM;
	err = uki_read(p, e->file, e);
	return err == -EBADMSG ? skip_last(p, list) : err;
}

int bls_read_dir(struct bc_parse *p, const char *entries_dir,
		 const char *uki_dir, struct bls_list *list)
{
	char **names = NULL;
	size_t n = 0, i;
	int err;

	err = list_dir(p, entries_dir, ".conf", &names, &n);
	if (err == -E2BIG)
		err = bc_too_many_entries(p, 0);
	for (i = 0; !err && i < n; i++)
		err = read_conf(p, entries_dir, names[i], list);
	names_free(names, n);
	if (!err && uki_dir) {
		err = list_dir(p, uki_dir, ".efi", &names, &n);
		if (err == -E2BIG)
			err = bc_too_many_entries(p, 0);
		for (i = 0; !err && i < n; i++)
			err = read_uki(p, uki_dir, names[i], list);
		names_free(names, n);
	}
	if (!err)
		bls_sort(list);
	return err;
}

/* The first entry whose id (with or without .conf) PATTERN matches. */
static int find_glob(const struct bls_list *list, const char *pattern)
{
	size_t i;

	for (i = 0; pattern && i < list->n; i++) {
		const struct bls_entry *e = &list->v[i];
		char with_conf[512];

		snprintf(with_conf, sizeof(with_conf), "%s%s", e->id,
			 e->uki ? "" : ".conf");
		if (!fnmatch(pattern, e->id, 0) ||
		    !fnmatch(pattern, with_conf, 0))
			return (int)i;
	}
	return -1;
}

/* loader.conf's "default" value, malloc'd, or NULL. */
static char *conf_default(struct bc_parse *p, const char *loader_conf)
{
	struct bc_error ignored, *keep = p->error;
	char *buf, *line, *next, *pattern = NULL;
	size_t len;
	int err;

	p->error = &ignored;
	err = bc_read_file(p, loader_conf, &buf, &len);
	p->error = keep;
	if (err)
		return NULL;
	for (line = buf; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		line = bc_trim(line);
		if (!strncmp(line, "default", 7) && (line[7] == ' ' ||
						     line[7] == '\t')) {
			free(pattern);
			pattern = strdup(bc_trim(line + 8));
		}
	}
	free(buf);
	return pattern;
}

/*
 * The entry systemd-boot's EFI variable NAME names, or -1: unset, or
 * unreadable (a warning; systemd-boot goes on without it too).
 */
static int var_entry(struct bc_parse *p, const struct bls_list *list,
		     const char *name)
{
	char *pattern;
	int pick = bc_efivar_get(p, name, &pattern);

	if (pick < 0)
		bc_warn_error(p, "ignored");
	if (pick <= 0)
		return -1;
	pick = find_glob(list, pattern);
	free(pattern);
	return pick;
}

/*
 * As systemd-boot: the EFI variable LoaderEntryOneShot, else
 * LoaderEntryDefault (bootctl set-default), else loader.conf's default
 * glob ("@saved": LoaderEntryLastBooted), else the first entry.  The
 * default without the one-shot, the one-shot and LoaderEntrySelected
 * are kept too, for mkbootcmd's @default, @oneshot and @current.
 */
static void pick_default(struct bc_parse *p, const char *loader_conf,
			 const struct bls_list *list)
{
	struct bootcfg *cfg = p->cfg;
	char *pattern;
	int pick = var_entry(p, list, "LoaderEntryDefault");

	if (pick < 0) {
		pattern = conf_default(p, loader_conf);
		if (pattern && !strcmp(pattern, "@saved"))
			pick = var_entry(p, list, "LoaderEntryLastBooted");
		else if (pattern && *pattern != '@')
			pick = find_glob(list, pattern);
		free(pattern);
	}
	cfg->loader_default = pick >= 0 ? pick : 0;
	cfg->loader_oneshot = var_entry(p, list, "LoaderEntryOneShot");
	cfg->loader_selected = var_entry(p, list, "LoaderEntrySelected");
	cfg->default_entry = cfg->loader_oneshot >= 0 ? cfg->loader_oneshot :
			     cfg->loader_default;
}

static int add_entry(struct bc_parse *p, const struct bls_entry *b,
		     size_t index)
{
	struct bc_entry *e = bc_entry_add(p->cfg);
	char number[24];
	size_t i;
	int err;

	if (!e)
		return -ENOMEM;
	snprintf(number, sizeof(number), "%zu", index);
	err = bc_entry_level(e, number, b->id, b->title ? b->title : b->id);
	if (err)
		return err;
	if (b->uki)
		e->kernel = strdup(b->linux_path);
	else
		e->kernel = bc_resolve(p, b->linux_path ? b->linux_path : b->efi);
	e->cmdline = strdup(b->options ? b->options : "");
	if (!e->kernel || !e->cmdline)
		return -ENOMEM;
	for (i = 0; !err && i < b->n_initrds; i++)
		err = bc_entry_push_initrd(e, bc_resolve(p, b->initrds[i]));
	return err;
}

/* DIR without its last two components: the boot partition. */
static char *two_up(const char *dir)
{
	size_t n = strlen(dir);
	int up;

	for (up = 0; up < 2; up++) {
		while (n > 1 && dir[n - 1] == '/')
			n--;
		while (n > 0 && dir[n - 1] != '/')
			n--;
	}
	while (n > 1 && dir[n - 1] == '/')
		n--;
	return n ? bc_strndup(dir, n) : strdup(".");
}

/* DIR is loader/entries or EFI/Linux below the boot partition. */
static int bls_parse_dir(struct bc_parse *p, const char *dir)
{
	struct bls_list list = { 0 };
	char *base = two_up(dir);
	char *entries = base ? bc_join(base, "loader/entries") : NULL;
	char *ukis = base ? bc_join(base, "EFI/Linux") : NULL;
	char *loader_conf = base ? bc_join(base, "loader/loader.conf") : NULL;
	size_t i;
	int err = -ENOMEM;

	if (entries && ukis && loader_conf)
		err = bls_read_dir(p, entries, ukis, &list);
	for (i = 0; !err && i < list.n; i++)
		err = add_entry(p, &list.v[i], i);
	if (!err && list.n)
		pick_default(p, loader_conf, &list);
	if (!err && !list.n)
		err = bc_fail(p, dir, 0, -ENOENT, "no boot loader entries");
	bls_list_free(&list);
	free(base);
	free(entries);
	free(ukis);
	free(loader_conf);
	return err;
}

/* A configuration file that is one Type #1 entry. */
static int bls_parse_file(struct bc_parse *p, const char *buf, size_t len)
{
	struct bls_list list = { 0 };
	const char *name = strrchr(p->path, '/');
	struct bls_entry *e = grow(&list);
	char *id;
	int err;

	name = name ? name + 1 : p->path;
	id = bc_strndup(name, ends_with(name, ".conf") ?
			strlen(name) - strlen(".conf") : strlen(name));
	if (!e || !id) {
		free(id);
		bls_list_free(&list);
		return -ENOMEM;
	}
	err = bls_parse_entry(p, id, buf, len, e);
	if (!err)
		err = add_entry(p, e, 0);
	if (!err)
		p->cfg->default_entry = 0;
	free(id);
	bls_list_free(&list);
	return err;
}

static int bls_detect(const char *path, const char *buf, size_t len)
{
	(void)len;
	if (ends_with(path, ".conf") && strstr(path, "loader/entries/"))
		return 5;
	return (!strncmp(buf, "title ", 6) || strstr(buf, "\ntitle ")) &&
	       (!strncmp(buf, "linux ", 6) || strstr(buf, "\nlinux ")) ? 2 : 0;
}

const struct bc_format bc_format_bls = {
	.name = "bls",
	.detect = bls_detect,
	.parse = bls_parse_file,
	.parse_dir = bls_parse_dir,
};
