// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "strv.h"

void out_of_memory(void)
{
	fputs("bootimg-reboot: out of memory\n", stderr);
	exit(1);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	char *copy = strdup(s);

	if (!copy)
		out_of_memory();
	return copy;
}

void strv_push_n(struct strv *s, const char *str, size_t len)
{
	char *copy = xmalloc(len + 1);

	if (array_reserve(&s->v, &s->cap, s->n + 2, sizeof(*s->v)) < 0)
		out_of_memory();
	memcpy(copy, str, len);
	copy[len] = '\0';
	s->v[s->n++] = copy;
	s->v[s->n] = NULL;
}

void strv_push(struct strv *s, const char *str)
{
	strv_push_n(s, str, strlen(str));
}

void strv_push_option(struct strv *s, const char *name, const char *value)
{
	size_t size = strlen(name) + strlen(value) + 2;
	char *word = xmalloc(size);

	snprintf(word, size, "%s=%s", name, value);
	strv_push(s, word);
	free(word);
}

void strv_push_all(struct strv *s, char *const *list)
{
	while (list && *list)
		strv_push(s, *list++);
}

void strv_free(struct strv *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}
