// SPDX-License-Identifier: GPL-2.0-or-later
/* GRUB 2 word expansion: quotes, $var and ${var}, field splitting. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "grub.h"
#include "strbuf.h"

struct expansion {
	struct gfields *out;
	struct strbuf cur;
	int have;	/* the current field exists (maybe empty: "") */
	int failed;
	int too_long;	/* a field grew past BC_MAX_WORD */
};

static void finish_field(struct expansion *x)
{
	struct gfields *out = x->out;
	char *s;

	if (!x->have)
		return;
	x->have = 0;
	s = strbuf_take(&x->cur);
	if (!s || array_reserve(&out->v, &out->cap, out->n + 1,
				sizeof(*out->v)) < 0) {
		free(s);
		x->failed = 1;
		return;
	}
	out->v[out->n++] = s;
}

static void add(struct expansion *x, const char *s, size_t n)
{
	if (x->cur.len + n > BC_MAX_WORD) {
		x->too_long = 1;
		return;
	}
	strbuf_addn(&x->cur, s, n);
	x->have = 1;
}

/* An unquoted expansion: blanks split it into fields. */
static void add_split(struct expansion *x, const char *v)
{
	while (*v) {
		size_t word = strcspn(v, " \t\n");

		if (word)
			add(x, v, word);
		v += word;
		if (*v) {
			finish_field(x);
			v += strspn(v, " \t\n");
		}
	}
}

/* Read a variable reference at S (after "$"); returns its length. */
static size_t var_ref(const char *s, const char *end, char *name,
		      size_t size)
{
	size_t n = 0;

	if (s < end && *s == '{') {
		const char *close = memchr(s, '}', (size_t)(end - s));

		if (!close)
			return 0;
		n = (size_t)(close - s - 1);
		snprintf(name, size, "%.*s", (int)n, s + 1);
		return n + 2;
	}
	if (s < end && (*s == '?' || *s == '#' || *s == '@' || *s == '*')) {
		snprintf(name, size, "%c", *s);
		return 1;
	}
	if (s < end && isdigit((unsigned char)*s)) {	/* $1, $10, ... */
		while (s + n < end && isdigit((unsigned char)s[n]))
			n++;
	} else {
		while (s + n < end && (isalnum((unsigned char)s[n]) ||
				       s[n] == '_'))
			n++;
	}
	snprintf(name, size, "%.*s", (int)n, s);
	return n;
}

/* $N for a name of digits (any length: past the last one it is empty). */
static const char *positional(const struct gfields *params,
			      const char *name)
{
	size_t i = 0;

	while (*name == '0')
		name++;
	for (; *name && i <= params->n; name++)
		i = i * 10 + (size_t)(*name - '0');
	return i >= 1 && i <= params->n ? params->v[i - 1] : NULL;
}

/* $@ and $*: quoted, "$@" is one field per parameter and "$*" one field
 * of them all joined by spaces; unquoted, both split every parameter. */
static void add_params(struct expansion *x, const struct gfields *params,
		       int all_in_one, int quoted)
{
	size_t i;

	for (i = 0; i < params->n; i++) {
		if (i && quoted && all_in_one)
			add(x, " ", 1);
		else if (i)
			finish_field(x);
		if (quoted)
			add(x, params->v[i], strlen(params->v[i]));
		else
			add_split(x, params->v[i]);
	}
}

static int is_special(const char *name)
{
	return isdigit((unsigned char)*name) || !strcmp(name, "#") ||
	       !strcmp(name, "@") || !strcmp(name, "*");
}

static void add_variable(struct expansion *x, const struct grub_env *env,
			 const struct gfields *params, const char *name,
			 int quoted)
{
	static const struct gfields none;
	const char *v;
	char count[24];

	if (!is_special(name)) {
		v = grub_env_get(env, name);
	} else {
		params = params ? params : &none;
		if (!strcmp(name, "@") || !strcmp(name, "*")) {
			add_params(x, params, *name == '*', quoted);
			return;
		}
		snprintf(count, sizeof(count), "%zu", params->n);
		v = *name == '#' ? count : positional(params, name);
	}
	if (quoted) {
		x->have = 1;
		add(x, v ? v : "", v ? strlen(v) : 0);
	} else if (v) {
		add_split(x, v);
	}
}

int grub_expand(const struct gtok *t, const struct grub_env *env,
		const struct gfields *params, struct gfields *out)
{
	struct expansion x = { .out = out };
	const char *s = t->s, *end = t->s + t->n;
	char name[128];
	int quoted = 0;

	while (s < end) {
		size_t ref;

		if (*s == '\\' && s + 1 < end) {
			if (quoted && !strchr("$\"\\\n", s[1]))
				add(&x, s, 2);
			else if (s[1] != '\n')
				add(&x, s + 1, 1);
			s += 2;
		} else if (*s == '\'' && !quoted) {
			const char *close = memchr(s + 1, '\'',
						   (size_t)(end - s - 1));

			if (!close)
				close = end;
			add(&x, s + 1, (size_t)(close - s - 1));
			s = close < end ? close + 1 : end;
		} else if (*s == '"') {
			quoted = !quoted;
			x.have = 1;
			s++;
		} else if (*s == '$' &&
			   (ref = var_ref(s + 1, end, name, sizeof(name)))) {
			add_variable(&x, env, params, name, quoted);
			s += 1 + ref;
		} else {
			add(&x, s++, 1);
		}
	}
	finish_field(&x);
	if (x.cur.failed)
		x.failed = 1;
	free(x.cur.s);
	return x.too_long ? -E2BIG : x.failed ? -ENOMEM : 0;
}

int grub_expand_charged(struct bc_parse *p, const struct gtok *t,
			const struct grub_env *env,
			const struct gfields *params, struct gfields *out)
{
	size_t i = out->n;
	int err = bc_spend_step(p, t->line);

	if (!err)
		err = grub_expand(t, env, params, out);
	if (err == -E2BIG)
		return bc_word_too_long(p, t->line);
	for (; !err && i < out->n; i++)
		err = bc_spend_built(p, t->line, strlen(out->v[i]) + 1);
	return err;
}

void grub_fields_free(struct gfields *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	*f = (struct gfields){ 0 };
}

int grub_expand_fields(struct bc_parse *p, const char *text,
		       const struct grub_env *env, struct gfields *out)
{
	struct gtoks t;
	size_t i;
	int err = grub_lex(p, text, strlen(text), &t);

	for (i = 0; !err && i < t.n; i++)
		if (t.v[i].kind == GT_WORD)
			err = grub_expand_charged(p, &t.v[i], env, NULL, out);
	free(t.v);
	return err;
}
