// SPDX-License-Identifier: GPL-2.0-or-later
#include <string.h>
#include "shell-quote.h"

static int needs_quotes(const char *word)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyz"
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-";

	return !*word || word[strspn(word, plain)] != '\0';
}

void shell_print_word(FILE *out, const char *word)
{
	if (!needs_quotes(word)) {
		fputs(word, out);
		return;
	}
	fputc('\'', out);
	for (; *word; word++) {
		if (*word == '\'')
			fputs("'\\''", out);
		else
			fputc(*word, out);
	}
	fputc('\'', out);
}

void shell_print_command(FILE *out, char *const argv[])
{
	size_t i;

	for (i = 0; argv[i]; i++) {
		if (i)
			fputc(' ', out);
		shell_print_word(out, argv[i]);
	}
	fputc('\n', out);
}
