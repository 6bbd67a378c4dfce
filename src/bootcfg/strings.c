// SPDX-License-Identifier: GPL-2.0-or-later
/* Small string helpers of libbootcfg. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "internal.h"

char *bc_strndup(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *bc_strdup0(const char *s)
{
	return s ? strdup(s) : NULL;
}

int bc_strv_push(char ***v, size_t *n, size_t *cap, char *s)
{
	if (!s || array_reserve(v, cap, *n + 1, sizeof(**v)) < 0) {
		free(s);
		return -ENOMEM;
	}
	(*v)[(*n)++] = s;
	return 0;
}

char *bc_trim(char *s)
{
	size_t n = strlen(s);
	size_t start = strspn(s, " \t\r\n");

	while (n > start && strchr(" \t\r\n", s[n - 1]))
		n--;
	memmove(s, s + start, n - start);
	s[n - start] = '\0';
	return s;
}

/*
 * Version comparison: runs of digits compare as numbers, other characters
 * as bytes, "~" sorts before anything (as in "6.1~rc1" < "6.1").
 */
int bc_vercmp(const char *a, const char *b)
{
	while (*a || *b) {
		if (*a == '~' || *b == '~') {
			if (*a != '~')
				return 1;
			if (*b != '~')
				return -1;
			a++, b++;
			continue;
		}
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			size_t la, lb;
			int c;

			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			la = strspn(a, "0123456789");
			lb = strspn(b, "0123456789");
			if (la != lb)
				return la < lb ? -1 : 1;
			c = strncmp(a, b, la);
			if (c)
				return c < 0 ? -1 : 1;
			a += la, b += lb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++, b++;
	}
	return 0;
}

int bc_next_line(struct bc_lines *it, char **text)
{
	const char *nl;
	size_t len;

	if (it->next >= it->end)
		return 0;
	nl = memchr(it->next, '\n', (size_t)(it->end - it->next));
	len = (size_t)((nl ? nl : it->end) - it->next);
	*text = bc_strndup(it->next, len);
	if (!*text)
		return -ENOMEM;
	it->next = nl ? nl + 1 : it->end;
	it->n++;
	return 1;
}
