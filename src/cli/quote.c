// SPDX-License-Identifier: GPL-2.0-or-later
#include <string.h>
#include "quote.h"

static int is_safe(const char *s)
{
	return *s && strspn(s, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
			    "@%+=:,./_-") == strlen(s);
}

void print_shell_word(FILE *out, const char *s)
{
	if (is_safe(s)) {
		fputs(s, out);
		return;
	}
	fputc('\'', out);
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", out);
		else
			fputc(*s, out);
	}
	fputc('\'', out);
}
