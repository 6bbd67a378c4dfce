// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GRUB's "[" and "test" as far as generated grub.cfg files use them:
 * strings, numbers, "!" and file tests.  File tests look at the file
 * on this system; nothing is executed.
 */
#include <stdlib.h>
#include <string.h>
#include "grub.h"

static int file_test(const struct bc_parse *p, const char *path)
{
	char *host;
	int found;

	if (bc_exists(p, path))		/* $prefix/... is a host path */
		return 1;
	host = bc_resolve(p, path);
	found = host && bc_exists(p, host);
	free(host);
	return found;
}

static int number_test(const char *op, long a, long b)
{
	static const struct {
		const char *op;
		int lt, eq, gt;
	} ops[] = {
		{ "-eq", 0, 1, 0 }, { "-ne", 1, 0, 1 }, { "-lt", 1, 0, 0 },
		{ "-le", 1, 1, 0 }, { "-gt", 0, 0, 1 }, { "-ge", 0, 1, 1 },
	};
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(op, ops[i].op))
			return a < b ? ops[i].lt : a == b ? ops[i].eq :
			       ops[i].gt;
	return -1;
}

/* 1 true, 0 false. */
static int truth(const struct bc_parse *p, char *const *a, size_t n)
{
	int r;

	if (n && !strcmp(a[0], "!"))
		return !truth(p, a + 1, n - 1);
	switch (n) {
	case 0:
		return 0;
	case 1:
		return a[0][0] != '\0';
	case 2:
		if (!strcmp(a[0], "-n"))
			return a[1][0] != '\0';
		if (!strcmp(a[0], "-z"))
			return a[1][0] == '\0';
		if (!strcmp(a[0], "-e") || !strcmp(a[0], "-f") ||
		    !strcmp(a[0], "-s") || !strcmp(a[0], "-d"))
			return file_test(p, a[1]);
		return 0;
	case 3:
		if (!strcmp(a[1], "=") || !strcmp(a[1], "=="))
			return !strcmp(a[0], a[2]);
		if (!strcmp(a[1], "!="))
			return strcmp(a[0], a[2]) != 0;
		r = number_test(a[1], strtol(a[0], NULL, 10),
				strtol(a[2], NULL, 10));
		return r > 0;
	default:
		return 0;
	}
}

int grub_test(const struct bc_parse *p, char *const *args, size_t n)
{
	/* args[0] is "[" or "test"; "[" wants a closing "]" */
	if (!strcmp(args[0], "[")) {
		if (n < 2 || strcmp(args[n - 1], "]"))
			return 1;
		n--;
	}
	return truth(p, args + 1, n - 1) ? 0 : 1;
}
