// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * syslinux, extlinux, isolinux: LABEL blocks with KERNEL or LINUX,
 * APPEND, INITRD (comma-separated) and MENU LABEL / MENU DEFAULT; a global
 * APPEND for labels without their own; DEFAULT; INCLUDE.  Keywords are
 * case-insensitive.  MENU DEFAULT wins over DEFAULT.  Relative paths are relative to the directory of the
 * configuration file, absolute ones to the partition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "internal.h"

struct sx_label {
	char *name, *menu_label, *kernel, *append, *initrd;
	int has_append, menu_default, other;
};

struct sx {
	struct sx_label *v;
	size_t n;
	char *default_name;
	char *global_append;
	int in_text;		/* inside TEXT HELP ... ENDTEXT */
	int depth;
	char *dir;		/* of the main configuration file */
};

static int replace(char **field, const char *value)
{
	free(*field);
	*field = strdup(value);
	return *field ? 0 : -ENOMEM;
}

static struct sx_label *current(struct sx *s)
{
	return s->n ? &s->v[s->n - 1] : NULL;
}

static int parse_text(struct bc_parse *p, struct sx *s, const char *buf,
		      size_t len);

static int include(struct bc_parse *p, struct sx *s, const char *name,
		   unsigned line)
{
	const char *saved = p->path;
	char *path = name[0] == '/' ? bc_resolve(p, name) :
		     bc_join(s->dir, name);
	char *buf;
	size_t len;
	int err;

	if (!path)
		return -ENOMEM;
	if (s->depth >= BC_MAX_DEPTH) {
		free(path);
		return bc_syntax(p, line, "INCLUDE nested too deeply");
	}
	err = bc_read_file(p, path, &buf, &len);
	if (err && err != -ENOMEM) {
		char cause[sizeof(p->error->cause)] = "cannot be read";

		if (p->error)
			memcpy(cause, p->error->cause, sizeof(cause));
		err = bc_syntax(p, line, "INCLUDE %s: %s", name, cause);
	}
	if (!err) {
		s->depth++;
		p->path = path;
		err = bc_check_text(p, buf, len) ?: parse_text(p, s, buf, len);
		p->path = saved;
		s->depth--;
	}
	free(buf);
	free(path);
	return err;
}

static int new_label(struct bc_parse *p, struct sx *s, const char *name,
		     unsigned line)
{
	struct sx_label *v;

	if (!*name)
		return bc_syntax(p, line, "LABEL without a name");
	if (s->n >= BC_MAX_ENTRIES)
		return bc_syntax(p, line, "too many labels");
	v = realloc(s->v, (s->n + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	s->v = v;
	v[s->n] = (struct sx_label){ .name = strdup(name) };
	return v[s->n++].name ? 0 : -ENOMEM;
}

/* Keywords that boot something other than a Linux kernel. */
static int is_other(const char *kw)
{
	static const char *const other[] = {
		"LOCALBOOT", "COM32", "BOOT", "BSS", "PXE", "FDIMAGE",
		"COMBOOT", "CONFIG",
	};
	size_t i;

	for (i = 0; i < sizeof(other) / sizeof(other[0]); i++)
		if (!strcasecmp(kw, other[i]))
			return 1;
	return 0;
}

static int menu_line(struct bc_parse *p, struct sx *s, char *rest,
		     unsigned line)
{
	struct sx_label *l = current(s);
	char *arg = rest + strcspn(rest, " \t");

	if (*arg)
		*arg++ = '\0';
	arg = bc_trim(arg);
	if (!strcasecmp(rest, "INCLUDE"))
		return include(p, s, arg, line);
	if (!l)
		return 0;	/* MENU TITLE and the like */
	if (!strcasecmp(rest, "LABEL"))
		return replace(&l->menu_label, arg);
	if (!strcasecmp(rest, "DEFAULT"))
		l->menu_default = 1;
	return 0;
}

static int label_line(struct bc_parse *p, struct sx *s, const char *kw,
		      char *arg, unsigned line)
{
	struct sx_label *l = current(s);

	if (!strcasecmp(kw, "KERNEL") || !strcasecmp(kw, "LINUX")) {
		if (!l)
			return bc_syntax(p, line, "%s outside a LABEL", kw);
		if (!*arg)
			return bc_syntax(p, line, "%s without a file", kw);
		return replace(&l->kernel, arg);
	}
	if (is_other(kw)) {
		if (l)
			l->other = 1;
		return 0;
	}
	if (!strcasecmp(kw, "INITRD")) {
		if (!l)
			return bc_syntax(p, line, "INITRD outside a LABEL");
		return replace(&l->initrd, arg);
	}
	if (!strcasecmp(kw, "APPEND")) {
		if (!strcmp(arg, "-"))
			arg = "";
		if (!l)
			return replace(&s->global_append, arg);
		l->has_append = 1;
		return replace(&l->append, arg);
	}
	return 0;
}

static int do_line(struct bc_parse *p, struct sx *s, char *text,
		   unsigned line)
{
	char *kw = bc_trim(text), *arg;

	if (s->in_text) {
		s->in_text = strcasecmp(kw, "ENDTEXT") != 0;
		return 0;
	}
	if (!*kw || *kw == '#')
		return 0;
	arg = kw + strcspn(kw, " \t");
	if (*arg)
		*arg++ = '\0';
	arg = bc_trim(arg);
	if (!strcasecmp(kw, "LABEL"))
		return new_label(p, s, arg, line);
	if (!strcasecmp(kw, "MENU"))
		return menu_line(p, s, arg, line);
	if (!strcasecmp(kw, "TEXT")) {
		s->in_text = 1;
		return 0;
	}
	if (!strcasecmp(kw, "DEFAULT"))
		return replace(&s->default_name, arg);
	if (!strcasecmp(kw, "INCLUDE"))
		return include(p, s, arg, line);
	return label_line(p, s, kw, arg, line);
}

static int parse_text(struct bc_parse *p, struct sx *s, const char *buf,
		      size_t len)
{
	struct bc_lines lines = BC_LINES(buf, len);
	char *text;
	int err;

	while ((err = bc_next_line(&lines, &text)) > 0) {
		err = do_line(p, s, text, lines.n);
		free(text);
		if (err)
			break;
	}
	return err;
}

static char *resolve(struct bc_parse *p, const struct sx *s,
		     const char *path)
{
	return path[0] == '/' ? bc_resolve(p, path) : bc_join(s->dir, path);
}

/* Initrds from INITRD a,b or, failing that, initrd=a,b in APPEND. */
static int initrds(struct bc_parse *p, const struct sx *s, struct bc_entry *e,
		   const char *list)
{
	char *copy = strdup(list), *item, *save = NULL;
	int err = copy ? 0 : -ENOMEM;

	for (item = copy ? strtok_r(copy, ",", &save) : NULL; item && !err;
	     item = strtok_r(NULL, ",", &save))
		if (*bc_trim(item))
			err = bc_entry_push_initrd(e, resolve(p, s, item));
	free(copy);
	return err;
}

static int append_initrds(struct bc_parse *p, const struct sx *s,
			  struct bc_entry *e, const char *append)
{
	char *copy = strdup(append), *word, *save = NULL;
	int err = copy ? 0 : -ENOMEM;

	for (word = copy ? strtok_r(copy, " \t", &save) : NULL; word && !err;
	     word = strtok_r(NULL, " \t", &save))
		if (!strncmp(word, "initrd=", 7))
			err = initrds(p, s, e, word + 7);
	free(copy);
	return err;
}

static int add_entry(struct bc_parse *p, const struct sx *s,
		     const struct sx_label *l, size_t i)
{
	struct bc_entry *e = bc_entry_add(p->cfg);
	const char *append = l->has_append ? l->append : s->global_append;
	char number[24];
	int err;

	if (!e)
		return -ENOMEM;
	snprintf(number, sizeof(number), "%zu", i);
	err = bc_entry_level(e, number, l->name,
			     l->menu_label ? l->menu_label : l->name);
	if (err || l->other || !l->kernel)
		return err;
	e->kernel = resolve(p, s, l->kernel);
	e->cmdline = strdup(append ? append : "");
	if (!e->kernel || !e->cmdline)
		return -ENOMEM;
	if (l->initrd)
		return initrds(p, s, e, l->initrd);
	return append_initrds(p, s, e, e->cmdline);
}

/* DEFAULT that names no label is a kernel and its command line. */
static int default_command(struct bc_parse *p, struct sx *s)
{
	char *kernel = s->default_name;
	char *rest = kernel + strcspn(kernel, " \t");
	struct sx_label l = { .name = "default", .kernel = kernel,
			      .append = rest, .has_append = 1 };
	char saved = *rest;
	int err;

	*rest = '\0';
	l.append = rest + (saved ? 1 : 0);
	err = *kernel ? add_entry(p, s, &l, s->n) : 0;
	*rest = saved;
	return err;
}

static void sx_free(struct sx *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].menu_label);
		free(s->v[i].kernel);
		free(s->v[i].append);
		free(s->v[i].initrd);
	}
	free(s->v);
	free(s->default_name);
	free(s->global_append);
	free(s->dir);
}

static int syslinux_parse(struct bc_parse *p, const char *buf, size_t len)
{
	const char *slash = strrchr(p->path, '/');
	struct sx s = { 0 };
	long def = -1;
	size_t i;
	int err;

	s.dir = slash ? bc_strndup(p->path, slash == p->path ? 1 :
				   (size_t)(slash - p->path)) : strdup(".");
	if (!s.dir)
		return -ENOMEM;
	err = parse_text(p, &s, buf, len);
	for (i = 0; !err && i < s.n; i++) {
		err = add_entry(p, &s, &s.v[i], i);
		if (s.v[i].menu_default && def < 0)
			def = (long)i;
	}
	for (i = 0; def < 0 && s.default_name && i < s.n; i++)
		if (!strcmp(s.v[i].name, s.default_name))
			def = (long)i;
	if (!err && def < 0 && s.default_name) {
		err = default_command(p, &s);
		def = (long)s.n;
	}
	if (!err && p->cfg->n_entries)
		p->cfg->default_entry = def >= 0 &&
					(size_t)def < p->cfg->n_entries ? def : 0;
	sx_free(&s);
	return err;
}

static int syslinux_detect(const char *path, const char *buf, size_t len)
{
	static const char *const names[] = {
		"extlinux.conf", "syslinux.cfg", "isolinux.cfg",
	};
	size_t i, n = strlen(path);
	const char *line;

	(void)len;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (n >= strlen(names[i]) &&
		    !strcmp(path + n - strlen(names[i]), names[i]))
			return 5;
	for (line = buf; line; line = strchr(line, '\n'), line = line ?
	     line + 1 : NULL) {
		line += strspn(line, " \t");
		if (!strncasecmp(line, "label", 5) &&
		    (line[5] == ' ' || line[5] == '\t') &&
		    line[5 + strspn(line + 5, " \t")] != '=')
			return 3;
	}
	return 0;
}

const struct bc_format bc_format_syslinux = {
	.name = "syslinux",
	.detect = syslinux_detect,
	.parse = syslinux_parse,
};
