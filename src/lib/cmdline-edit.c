// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cmdline-edit.h"

struct word {
	const char *text;
	size_t len;
};

/* The kernel's isspace() for the command line. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	       c == '\f' || c == '\r';
}

/* The next word at or after *S (within END), or 0 when none is left. */
static int next_word(const char **s, const char *end, struct word *w)
{
	const char *p = *s;
	int in_quote = 0;

	while (p < end && is_blank(*p))
		p++;
	if (p == end)
		return 0;
	w->text = p;
	for (; p < end && (in_quote || !is_blank(*p)); p++)
		if (*p == '"')
			in_quote = !in_quote;
	w->len = (size_t)(p - w->text);
	*s = p;
	return 1;
}

/* A word's key: after a leading quote, up to its first '='. */
static struct word key_of(struct word w)
{
	const char *eq;

	if (w.len && *w.text == '"') {
		w.text++;
		w.len--;
	}
	eq = memchr(w.text, '=', w.len);
	if (eq)
		w.len = (size_t)(eq - w.text);
	return w;
}

static char dash_to_underscore(char c)
{
	return c == '-' ? '_' : c;
}

static int same_key(struct word a, const char *b, size_t b_len)
{
	size_t i;

	if (a.len != b_len)
		return 0;
	for (i = 0; i < b_len; i++)
		if (dash_to_underscore(a.text[i]) != dash_to_underscore(b[i]))
			return 0;
	return 1;
}

static int is_dashes(struct word w)
{
	return w.len == 2 && w.text[0] == '-' && w.text[1] == '-';
}

/* Does KEY have a word among the kernel's parameters of APPEND? */
static int appended(struct word key, const char *append)
{
	const char *s = append, *end = append + strlen(append);
	struct word w, k;

	while (next_word(&s, end, &w) && !is_dashes(w)) {
		k = key_of(w);
		if (k.len && same_key(key, k.text, k.len))
			return 1;
	}
	return 0;
}

static int removed(struct word key, const struct bi_cmdline_edit *edit)
{
	size_t i;

	for (i = 0; i < edit->n_remove; i++)
		if (same_key(key, edit->remove[i], strlen(edit->remove[i])))
			return 1;
	return 0;
}

/* The command line being written: words separated by one space. */
struct writer {
	char *start;
	char *end;
};

static void put_word(struct writer *out, struct word w)
{
	if (out->end != out->start)
		*out->end++ = ' ';
	memcpy(out->end, w.text, w.len);
	out->end += w.len;
	*out->end = '\0';
}

/*
 * Copy the words of [S, END) to OUT: the kernel's (before "--") when
 * INIT is 0, dropping the edited keys when EDIT is given; init's when
 * INIT is 1.  Returns whether a "--" was seen.
 */
static int copy_words(const char *s, const char *end, int init,
		      const struct bi_cmdline_edit *edit, struct writer *out)
{
	int after_dashes = 0;
	struct word w, k;

	while (next_word(&s, end, &w)) {
		if (!after_dashes && is_dashes(w)) {
			after_dashes = 1;
			continue;
		}
		if (after_dashes != init)
			continue;
		k = key_of(w);
		if (edit && k.len && (removed(k, edit) ||
				      appended(k, edit->append)))
			continue;
		put_word(out, w);
	}
	return after_dashes;
}

int bi_cmdline_edit(const char *base, size_t len,
		    const struct bi_cmdline_edit *edit, char **out)
{
	const char *append = edit->append ? edit->append : "";
	const char *append_end = append + strlen(append);
	struct bi_cmdline_edit base_edit = *edit;
	struct writer w;
	int dashes;

	w.start = w.end = malloc(len + 1 + strlen(append) + sizeof(" --"));
	if (!w.start)
		return -ENOMEM;
	*w.end = '\0';
	base_edit.append = append;
	dashes = copy_words(base, base + len, 0, &base_edit, &w);
	dashes |= copy_words(append, append_end, 0, NULL, &w);
	if (dashes) {
		put_word(&w, (struct word){ "--", 2 });
		copy_words(base, base + len, 1, NULL, &w);
		copy_words(append, append_end, 1, NULL, &w);
	}
	*out = w.start;
	return 0;
}
