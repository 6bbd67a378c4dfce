// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * syslinux, extlinux, isolinux, pxelinux: LABEL blocks with KERNEL or
 * LINUX (or COM32, BOOT, LOCALBOOT...), APPEND, INITRD (comma-separated),
 * IPAPPEND/SYSAPPEND and MENU LABEL / MENU DEFAULT; KERNEL and APPEND
 * before the first LABEL are global defaults; DEFAULT, ONTIMEOUT;
 * INCLUDE (a missing file is skipped, as syslinux does); MENU BEGIN/END
 * submenus, whose labels are listed in order with the others.  Keywords
 * are case-insensitive.  What a label boots: syslinux-boots.c.  The
 * default: ONTIMEOUT, else MENU DEFAULT, else DEFAULT (a menu module
 * such as vesamenu.c32 there: the first label).  Relative paths are
 * relative to the directory of the configuration file, absolute ones to
 * the partition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "array.h"
#include "internal.h"
#include "macros.h"
#include "syslinux.h"

struct sx_label {
	char *name, *menu_label, *kernel, *append, *initrd;
	char *keyword;		/* KERNEL, LINUX, COM32, LOCALBOOT... */
	int has_append, menu_default, menu_exit, menu_hide;
	unsigned sysappend;
};

struct sx {
	struct sx_label *v;
	size_t n, cap;
	int in_label;		/* lines belong to v[n - 1] */
	char *default_name, *ontimeout;
	long timeout;		/* TIMEOUT, tenths of a second; 0: none */
	int ui, prompt;		/* a menu (UI) or the boot: prompt shows */
	char *global_append;
	struct sx_label global;	/* KERNEL before the first LABEL */
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
	return s->in_label ? &s->v[s->n - 1] : NULL;
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
	if (err == -ENOENT) {		/* syslinux skips it */
		free(path);
		return bc_warn(p, line, "INCLUDE %s: %s: skipped", name,
			       p->error->cause);
	}
	if (err && err != -ENOMEM) {
		char cause[sizeof(p->error->cause)];

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
	struct sx_label *l;

	if (!*name)
		return bc_syntax(p, line, "LABEL without a name");
	if (s->n >= BC_MAX_ENTRIES)
		return bc_syntax(p, line, "too many labels");
	if (array_reserve(&s->v, &s->cap, s->n + 1, sizeof(*s->v)) < 0)
		return -ENOMEM;
	l = &s->v[s->n++];
	*l = (struct sx_label){ .name = strdup(name) };
	s->in_label = 1;
	return l->name ? 0 : -ENOMEM;
}

/* Keywords that name what a label boots. */
static int is_kernel_keyword(const char *kw)
{
	static const char *const keywords[] = {
		"KERNEL", "LINUX", "LOCALBOOT", "COM32", "BOOT", "BSS", "PXE",
		"FDIMAGE", "COMBOOT", "CONFIG",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keywords); i++)
		if (!strcasecmp(kw, keywords[i]))
			return 1;
	return 0;
}

static int menu_line(struct bc_parse *p, struct sx *s, char *rest,
		     unsigned line)
{
	struct sx_label *l;
	char *arg = rest + strcspn(rest, " \t");

	if (*arg)
		*arg++ = '\0';
	arg = bc_trim(arg);
	if (!strcasecmp(rest, "INCLUDE")) {
		arg[strcspn(arg, " \t")] = '\0';	/* MENU INCLUDE FILE TAG */
		return include(p, s, arg, line);
	}
	if (!strcasecmp(rest, "BEGIN") || !strcasecmp(rest, "END")) {
		s->in_label = 0;	/* MENU LABEL names the submenu now */
		return 0;
	}
	l = current(s);
	if (!l)
		return 0;	/* MENU TITLE and the like */
	if (!strcasecmp(rest, "LABEL")) {
		char *hotkey;

		while ((hotkey = strchr(arg, '^')))	/* shown underlined */
			memmove(hotkey, hotkey + 1, strlen(hotkey));
		return replace(&l->menu_label, arg);
	}
	if (!strcasecmp(rest, "DEFAULT"))
		l->menu_default = 1;
	if (!strcasecmp(rest, "EXIT"))
		l->menu_exit = 1;
	if (!strcasecmp(rest, "HIDE"))
		l->menu_hide = 1;
	return 0;
}

static int label_line(struct bc_parse *p, struct sx *s, const char *kw,
		      char *arg, unsigned line)
{
	struct sx_label *l = current(s);
	int global = !l && !s->n;	/* before the first LABEL */

	if (!l && !global)
		return 0;	/* after MENU BEGIN or END, before a LABEL */
	if (!l)
		l = &s->global;
	if (is_kernel_keyword(kw)) {
		if (!*arg && strcasecmp(kw, "LOCALBOOT"))
			return bc_syntax(p, line, "%s without a file", kw);
		return replace(&l->keyword, kw) ?: replace(&l->kernel, arg);
	}
	if (!strcasecmp(kw, "INITRD"))
		return replace(&l->initrd, arg);
	if (!strcasecmp(kw, "IPAPPEND") || !strcasecmp(kw, "SYSAPPEND")) {
		l->sysappend = (unsigned)strtoul(arg, NULL, 0);
		return 0;
	}
	if (!strcasecmp(kw, "APPEND")) {
		if (!strcmp(arg, "-"))	/* no APPEND, not even the global */
			arg = "";
		if (global)
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
	if (!strcasecmp(kw, "ONTIMEOUT"))
		return replace(&s->ontimeout, arg);
	if (!strcasecmp(kw, "TIMEOUT") || !strcasecmp(kw, "TOTALTIMEOUT")) {
		s->timeout = strtol(arg, NULL, 10);
		return 0;
	}
	if (!strcasecmp(kw, "UI")) {
		s->ui = 1;
		return 0;
	}
	if (!strcasecmp(kw, "PROMPT")) {
		s->prompt = strtol(arg, NULL, 10) != 0;
		return 0;
	}
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

/* mboot.c32's APPEND: "KERNEL ARGS --- MODULE ARGS --- ...". */
static int multiboot(struct bc_parse *p, const struct sx *s,
		     struct bc_entry *e, const char *append)
{
	char *copy = strdup(append), *part = copy, *next;
	int err = copy ? 0 : -ENOMEM;

	for (; !err && part; part = next) {
		char *file = part + strspn(part, " \t"), *args;

		next = strstr(part, " ---");
		if (next) {
			*next = '\0';
			next += 4;
		}
		args = file + strcspn(file, " \t");
		if (*args)
			*args++ = '\0';
		args = bc_trim(args);
		if (!*file)
			continue;
		if (!e->kernel) {
			e->kernel = resolve(p, s, file);
			e->cmdline = strdup(args);
			err = e->kernel && e->cmdline ? 0 : -ENOMEM;
		} else {
			char *host = resolve(p, s, file), *module = NULL;

			if (host && (module = malloc(strlen(host) +
						     strlen(args) + 2)))
				sprintf(module, *args ? "%s %s" : "%s%s", host,
					args);
			free(host);
			err = bc_entry_push_module(e, module);
		}
	}
	free(copy);
	if (err || e->kernel)
		return err;
	e->boots = strdup("mboot.c32 with no kernel");
	return e->boots ? bc_warn(p, 0, "LABEL %s: mboot.c32 without a kernel "
				  "in APPEND", e->levels[0].id) : -ENOMEM;
}

static int add_entry(struct bc_parse *p, const struct sx *s,
		     const struct sx_label *l, size_t i)
{
	struct bc_entry *e = bc_entry_add(p->cfg);
	const char *append = l->has_append ? l->append : s->global_append;
	const char *kernel = l->kernel ? l->kernel : s->global.kernel;
	const char *keyword = l->kernel ? l->keyword : s->global.keyword;
	char number[24];
	int err;

	if (!e)
		return -ENOMEM;
	snprintf(number, sizeof(number), "%zu", i);
	err = bc_entry_level(e, number, l->name,
			     l->menu_label ? l->menu_label : l->name);
	e->sysappend = l->sysappend;
	e->hidden = l->menu_hide;
	if (!err && l->menu_exit && !(e->boots = strdup("a return to the "
							"menu above (MENU EXIT)")))
		return -ENOMEM;
	if (err || !kernel || l->menu_exit)
		return err;
	append = append ? append : "";
	switch (sx_boots(keyword, kernel, &e->boots)) {
	case SX_NOMEM:
		return -ENOMEM;
	case SX_OTHER:
		return 0;
	case SX_MBOOT:
		return multiboot(p, s, e, append);
	case SX_LINUX:
		break;
	}
	e->kernel = resolve(p, s, kernel);
	e->cmdline = strdup(append);
	if (!e->kernel || !e->cmdline)
		return -ENOMEM;
	if (l->initrd)
		return initrds(p, s, e, l->initrd);
	return append_initrds(p, s, e, e->cmdline);
}

/* A DEFAULT or ONTIMEOUT that names no label: a kernel and its command
 * line (the global KERNEL and APPEND when there is one). */
static int default_command(struct bc_parse *p, struct sx *s, char *kernel)
{
	char *rest = kernel + strcspn(kernel, " \t");
	struct sx_label l = { .name = "default", .kernel = kernel,
			      .keyword = "KERNEL", .has_append = 1 };
	char saved = *rest;
	int err;

	*rest = '\0';
	l.append = rest + (saved ? 1 : 0);
	if (s->global.kernel) {
		l = s->global;
		l.name = kernel;
	}
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
		free(s->v[i].keyword);
	}
	free(s->v);
	free(s->global.kernel);
	free(s->global.keyword);
	free(s->global.initrd);
	free(s->ontimeout);
	free(s->default_name);
	free(s->global_append);
	free(s->dir);
}

static long find_label(const struct sx *s, const char *name)
{
	size_t i;

	for (i = 0; name && i < s->n; i++)
		if (!strcmp(s->v[i].name, name))
			return (long)i;
	return -1;
}

/* DEFAULT menu.c32, vesamenu.c32 (the old way of saying UI): the menu. */
static int is_menu_module(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcasecmp(name + n - 4, ".c32");
}

/* ONTIMEOUT when a TIMEOUT runs out on a menu or prompt (TIMEOUT 0 waits
 * for a key; PROMPT 0 without a menu boots DEFAULT at once), else MENU
 * DEFAULT, else DEFAULT; a command that names no label is an entry of
 * its own, after the labels. */
static int pick_default(struct bc_parse *p, struct sx *s, long *def)
{
	int shown = s->ui || s->prompt || (s->default_name &&
					     is_menu_module(s->default_name));
	size_t i;

	if (s->ontimeout && s->timeout > 0 && shown) {
		*def = find_label(s, s->ontimeout);
		if (*def >= 0)
			return 0;
		*def = (long)s->n;
		return default_command(p, s, s->ontimeout);
	}
	for (i = 0; i < s->n; i++) {
		if (s->v[i].menu_default) {
			*def = (long)i;
			return 0;
		}
	}
	*def = find_label(s, s->default_name);
	if (*def >= 0 || !s->default_name || is_menu_module(s->default_name))
		return 0;
	*def = (long)s->n;
	return default_command(p, s, s->default_name);
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
	for (i = 0; !err && i < s.n; i++)
		err = add_entry(p, &s, &s.v[i], i);
	if (!err)
		err = pick_default(p, &s, &def);
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
	for (i = 0; i < ARRAY_SIZE(names); i++)
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
