// SPDX-License-Identifier: GPL-2.0-or-later
/* GRUB 2 script tokens: words (quoting kept), separators and braces. */
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "grub.h"

static int push(struct gtoks *out, size_t *cap, enum gtok_kind kind,
		unsigned line, const char *s, size_t n)
{
	if (array_reserve(&out->v, cap, out->n + 1, sizeof(*out->v)) < 0)
		return -ENOMEM;
	out->v[out->n++] = (struct gtok){ kind, line, s, n };
	return 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* As GRUB's lexer: braces are tokens of their own even against a word
 * ("menuentry 'x'{", "{linux /vmlinux}"); ${...} is read whole first. */
static int ends_word(const char *c, const char *end)
{
	return c == end || is_blank(*c) || *c == '\n' || *c == ';' ||
	       *c == '{' || *c == '}';
}

/* Scan one word from *C; counts the newlines it holds into *LINE. */
static int scan_word(struct bc_parse *p, const char **c, const char *end,
		     unsigned *line)
{
	const char *s = *c;
	unsigned start = *line;

	while (!ends_word(s, end)) {
		char q = *s;

		if (q == '\\') {
			if (s + 1 < end && s[1] == '\n')
				(*line)++;
			s += s + 1 < end ? 2 : 1;
		} else if (q == '\'' || q == '"') {
			for (s++; s < end && *s != q; s++) {
				if (q == '"' && *s == '\\' && s + 1 < end) {
					s++;
				}
				*line += *s == '\n';
			}
			if (s == end)
				return bc_syntax(p, start, "unterminated %c "
						 "quote", q);
			s++;
		} else if (q == '$' && s + 1 < end && s[1] == '{') {
			const char *close = memchr(s, '}', (size_t)(end - s));

			if (!close || memchr(s, '\n', (size_t)(close - s)))
				return bc_syntax(p, start, "unterminated ${");
			s = close + 1;
		} else {
			s++;
		}
	}
	*c = s;
	return 0;
}

int grub_lex(struct bc_parse *p, const char *buf, size_t len,
	     struct gtoks *out)
{
	const char *c = buf, *end = buf + len;
	unsigned line = 1;
	size_t cap = 0;
	int err = 0;

	*out = (struct gtoks){ 0 };
	while (!err && c < end) {
		const char *start = c;

		if (is_blank(*c)) {
			c++;
		} else if (*c == '\\' && c + 1 < end && c[1] == '\n') {
			c += 2;
			line++;
		} else if (*c == '#') {
			while (c < end && *c != '\n')
				c++;
		} else if (*c == '\n' || *c == ';') {
			err = push(out, &cap, GT_SEP, line, c, 1);
			line += *c++ == '\n';
		} else if (*c == '{' || *c == '}') {
			err = push(out, &cap, *c == '{' ? GT_LBRACE : GT_RBRACE,
				   line, c, 1);
			c++;
		} else {
			unsigned first = line;

			err = scan_word(p, &c, end, &line);
			if (!err)
				err = push(out, &cap, GT_WORD, first, start,
					   (size_t)(c - start));
		}
	}
	if (!err)
		err = push(out, &cap, GT_END, line, end, 0);
	if (err) {
		free(out->v);
		*out = (struct gtoks){ 0 };
	}
	return err;
}

int grub_is_word(const struct gtok *t, const char *keyword)
{
	return t->kind == GT_WORD && t->n == strlen(keyword) &&
	       !memcmp(t->s, keyword, t->n);
}
