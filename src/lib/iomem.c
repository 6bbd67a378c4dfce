// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "iomem.h"

#define NAME_MAX_LEN 127

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Parse hex digits at *p (up to END); at least one, at most 16. */
static int parse_hex(const char **p, const char *end, uint64_t *value)
{
	unsigned n = 0;
	int d;

	*value = 0;
	while (*p < end && (d = hex_digit(**p)) >= 0) {
		if (++n > 16)
			return -EINVAL;
		*value = *value << 4 | (uint64_t)d;
		(*p)++;
	}
	return n ? 0 : -EINVAL;
}

static int expect(const char **p, const char *end, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(end - *p) < n || memcmp(*p, word, n) != 0)
		return -EINVAL;
	*p += n;
	return 0;
}

static int parse_line(const char *p, const char *end,
		      struct bi_iomem_entry *e, char *name)
{
	unsigned spaces = 0;
	uint64_t last;
	size_t n;

	while (p < end && *p == ' ') {
		p++;
		spaces++;
	}
	if (spaces % 2 || parse_hex(&p, end, &e->start) < 0 ||
	    expect(&p, end, "-") < 0 || parse_hex(&p, end, &last) < 0 ||
	    expect(&p, end, " : ") < 0 || last < e->start)
		return -EINVAL;
	n = (size_t)(end - p);
	if (n == 0 || n > NAME_MAX_LEN || memchr(p, '\0', n))
		return -EINVAL;
	memcpy(name, p, n);
	name[n] = '\0';
	e->depth = spaces / 2;
	e->end = last + 1;	/* 0 for a resource ending at 2^64 - 1 */
	e->name = name;
	return 0;
}

int bi_iomem_parse(const char *text, size_t len, bi_iomem_fn fn, void *arg)
{
	const char *p = text, *end = text + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		char name[NAME_MAX_LEN + 1];
		struct bi_iomem_entry e;
		int err = parse_line(p, eol, &e, name);

		if (err < 0)
			return err;
		if (e.start == 0 && e.end == 1)
			return -EPERM;	/* addresses hidden from us */
		err = fn(arg, &e);
		if (err)
			return err;
		p = eol + (nl != NULL);
	}
	return 0;
}

int bi_iomem_walk(struct bootimg *ctx, bi_iomem_fn fn, void *arg)
{
	char *text;
	size_t len;
	int err = bi_read_whole(ctx, "/proc/iomem", &text, &len);

	if (err < 0)
		return err;
	err = bi_iomem_parse(text, len, fn, arg);
	free(text);
	return err;
}
