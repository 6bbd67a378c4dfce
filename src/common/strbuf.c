// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "strbuf.h"

int strbuf_reserve(struct strbuf *b, size_t more)
{
	if (b->failed)
		return -ENOMEM;
	if (more > (size_t)-1 - b->len - 1 ||
	    array_reserve(&b->s, &b->cap, b->len + more + 1, 1) < 0) {
		b->failed = 1;
		return -ENOMEM;
	}
	return 0;
}

void strbuf_addn(struct strbuf *b, const char *s, size_t n)
{
	if (strbuf_reserve(b, n) < 0)
		return;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void strbuf_add(struct strbuf *b, const char *s)
{
	strbuf_addn(b, s, strlen(s));
}

void strbuf_addc(struct strbuf *b, char c)
{
	strbuf_addn(b, &c, 1);
}

void strbuf_add_word(struct strbuf *b, const char *s)
{
	if (!*s)
		return;
	if (b->len)
		strbuf_addc(b, ' ');
	strbuf_add(b, s);
}

char *strbuf_take(struct strbuf *b)
{
	char *s = b->s;

	if (b->failed) {
		free(s);
		s = NULL;
	} else if (!s) {
		s = strdup("");
	}
	*b = (struct strbuf){ 0 };
	return s;
}
