/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A growing string, NUL-terminated once anything was added.  When memory
 * runs out it remembers the failure: later additions do nothing and
 * strbuf_take() returns NULL, so a caller checks once, at the end.
 */
#ifndef BOOTIMG_STRBUF_H
#define BOOTIMG_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *s;
	size_t len, cap;	/* cap counts the NUL's byte too */
	int failed;
};

/* Room for MORE bytes after the string (and its NUL): 0 or -ENOMEM. */
int strbuf_reserve(struct strbuf *b, size_t more);
void strbuf_addn(struct strbuf *b, const char *s, size_t n);
void strbuf_add(struct strbuf *b, const char *s);
void strbuf_addc(struct strbuf *b, char c);
/* Add S after a space unless B or S is empty. */
void strbuf_add_word(struct strbuf *b, const char *s);
/* The string ("" if nothing was added; NULL if memory ran out), which
 * the caller frees; B is empty again. */
char *strbuf_take(struct strbuf *b);

#endif
