// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * LILO's lilo.conf: "key = value" lines and bare flags; global options
 * before the first image= or other=, per-image options after it.  The
 * command line is built as LILO does: root=, ro or rw, then append=
 * (addappend= added), or literal= alone.  Paths are paths of the
 * installed system, where LILO ran.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "internal.h"
#include "strbuf.h"

enum lilo_key { K_LABEL, K_APPEND, K_ADDAPPEND, K_LITERAL, K_INITRD, K_ROOT,
		K_RO, K_RW, K_COUNT };

struct lilo_image {
	char *image;		/* NULL for other= */
	char *other;
	char *keys[K_COUNT];
	unsigned line;
};

struct lilo {
	struct lilo_image global;
	struct lilo_image *v;
	size_t n, cap;
	char *default_label;
	unsigned default_line;
};

static const char *const key_names[K_COUNT] = {
	"label", "append", "addappend", "literal", "initrd", "root",
	"read-only", "read-write",
};

static int lookup(const char *key)
{
	int i;

	for (i = 0; i < K_COUNT; i++)
		if (!strcmp(key, key_names[i]))
			return i;
	return -1;
}

/* Remove surrounding double quotes; a quote left open is an error. */
static int unquote(char *v)
{
	size_t n = strlen(v);

	if (v[0] != '"')
		return strchr(v, '"') ? -1 : 0;
	if (n < 2 || v[n - 1] != '"')
		return -1;
	memmove(v, v + 1, n - 2);
	v[n - 2] = '\0';
	return 0;
}

static int valid_key(const char *key)
{
	return *key && strspn(key, "abcdefghijklmnopqrstuvwxyz"
			      "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") ==
		      strlen(key);
}

static int new_image(struct bc_parse *p, struct lilo *l, const char *kind,
		     const char *value, unsigned line)
{
	struct lilo_image *v;

	if (!*value)
		return bc_syntax(p, line, "%s= without a file", kind);
	if (l->n >= BC_MAX_ENTRIES)
		return bc_syntax(p, line, "too many images");
	if (array_reserve(&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
		return -ENOMEM;
	v = l->v;
	v[l->n] = (struct lilo_image){ .line = line };
	if (!strcmp(kind, "image"))
		v[l->n].image = strdup(value);
	else
		v[l->n].other = strdup(value);
	l->n++;
	return v[l->n - 1].image || v[l->n - 1].other ? 0 : -ENOMEM;
}

static int set_key(struct bc_parse *p, struct lilo *l, const char *key,
		   const char *value, unsigned line)
{
	struct lilo_image *img = l->n ? &l->v[l->n - 1] : &l->global;
	int k;

	if (!strcmp(key, "image") || !strcmp(key, "other"))
		return new_image(p, l, key, value, line);
	if (!strcmp(key, "default") && !l->n) {
		free(l->default_label);
		l->default_label = strdup(value);
		l->default_line = line;
		return l->default_label ? 0 : -ENOMEM;
	}
	k = lookup(key);
	if (k < 0)
		return 0;	/* boot=, map=, timeout=, vga=...: not ours */
	if (k == K_LABEL && !l->n)
		return bc_syntax(p, line, "label= before any image=");
	if (k == K_RO || k == K_RW) {	/* the later one wins */
		free(img->keys[K_RO + K_RW - k]);
		img->keys[K_RO + K_RW - k] = NULL;
	}
	free(img->keys[k]);
	img->keys[k] = strdup(value);
	return img->keys[k] ? 0 : -ENOMEM;
}

static int do_line(struct bc_parse *p, struct lilo *l, char *text,
		   unsigned line)
{
	char *hash = NULL, *key, *value = "", *eq;
	int in_quote = 0;
	char *c;

	for (c = text; *c && !hash; c++) {	/* "#" outside quotes */
		if (*c == '"')
			in_quote = !in_quote;
		else if (*c == '#' && !in_quote)
			hash = c;
	}
	if (hash)
		*hash = '\0';
	key = bc_trim(text);
	if (!*key)
		return 0;
	eq = strchr(key, '=');
	if (eq) {
		*eq = '\0';
		value = bc_trim(eq + 1);
		bc_trim(key);
		if (unquote(value) < 0)
			return bc_syntax(p, line, "unterminated quote");
	}
	if (!valid_key(key))
		return bc_syntax(p, line, "not a \"key = value\" line");
	return set_key(p, l, key, value, line);
}

static const char *get(const struct lilo *l, const struct lilo_image *img,
		       enum lilo_key k)
{
	return img->keys[k] ? img->keys[k] : l->global.keys[k];
}

static char *command_line(const struct lilo *l, const struct lilo_image *img)
{
	const char *literal = get(l, img, K_LITERAL);
	const char *root = get(l, img, K_ROOT);
	struct strbuf b = { 0 };
	int rw = img->keys[K_RW] || (!img->keys[K_RO] && l->global.keys[K_RW]);
	int ro = !rw && get(l, img, K_RO);

	if (literal && (img->keys[K_LITERAL] || !img->keys[K_APPEND])) {
		strbuf_add(&b, literal);
		return strbuf_take(&b);
	}
	if (root && *root) {
		strbuf_add_word(&b, "root=");
		strbuf_add(&b, root);
	}
	strbuf_add_word(&b, ro ? "ro" : rw ? "rw" : "");
	strbuf_add_word(&b, get(l, img, K_APPEND) ? get(l, img, K_APPEND) : "");
	strbuf_add_word(&b, get(l, img, K_ADDAPPEND) ?
		    get(l, img, K_ADDAPPEND) : "");
	return strbuf_take(&b);
}

static int add_entry(struct bc_parse *p, const struct lilo *l,
		     const struct lilo_image *img, size_t i)
{
	struct bc_entry *e = bc_entry_add(p->cfg);
	const char *path = img->image ? img->image : img->other;
	const char *base = strrchr(path, '/');
	const char *label = img->keys[K_LABEL] ? img->keys[K_LABEL] :
			    base ? base + 1 : path;
	const char *initrd = get(l, img, K_INITRD);
	char number[24];
	int err;

	if (!e)
		return -ENOMEM;
	snprintf(number, sizeof(number), "%zu", i);
	err = bc_entry_level(e, number, label, label);
	if (!err && !img->image) {
		e->boots = malloc(strlen(path) + sizeof("another system ()"));
		if (!e->boots)
			return -ENOMEM;
		sprintf(e->boots, "another system (%s)", path);
	}
	if (err || !img->image)
		return err;
	e->kernel = bc_resolve(p, img->image);
	e->cmdline = command_line(l, img);
	if (!e->kernel || !e->cmdline)
		return -ENOMEM;
	return initrd ? bc_entry_push_initrd(e, bc_resolve(p, initrd)) : 0;
}

static void lilo_free(struct lilo *l)
{
	size_t i;
	int k;

	for (i = 0; i <= l->n; i++) {
		struct lilo_image *img = i < l->n ? &l->v[i] : &l->global;

		free(img->image);
		free(img->other);
		for (k = 0; k < K_COUNT; k++)
			free(img->keys[k]);
	}
	free(l->v);
	free(l->default_label);
}

static int lilo_parse(struct bc_parse *p, const char *buf, size_t len)
{
	struct bc_lines lines = BC_LINES(buf, len);
	struct lilo l = { 0 };
	char *text;
	size_t i;
	int err;

	while ((err = bc_next_line(&lines, &text)) > 0) {
		err = do_line(p, &l, text, lines.n);
		free(text);
		if (err)
			break;
	}
	for (i = 0; !err && i < l.n; i++)
		err = add_entry(p, &l, &l.v[i], i);
	if (!err && l.n) {
		p->cfg->default_entry = l.default_label ?
			bc_select(p->cfg, l.default_label) : 0;
		if (p->cfg->default_entry < 0)
			err = bc_syntax(p, l.default_line,
					"default=%s names no image",
					l.default_label);
	}
	lilo_free(&l);
	return err;
}

static int lilo_detect(const char *path, const char *buf, size_t len)
{
	size_t n = strlen(path);
	const char *line;

	(void)len;
	if (n >= 9 && !strcmp(path + n - 9, "lilo.conf"))
		return 5;
	for (line = buf; line; line = strchr(line, '\n'), line = line ?
	     line + 1 : NULL) {
		line += strspn(line, " \t");
		if (!strncmp(line, "image", 5) &&
		    line[5 + strspn(line + 5, " \t")] == '=')
			return 3;
	}
	return 0;
}

const struct bc_format bc_format_lilo = {
	.name = "lilo",
	.detect = lilo_detect,
	.parse = lilo_parse,
};
