// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "shellvar.h"
#include "strv.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int is_name_char(char c, int first)
{
	return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (!first && c >= '0' && c <= '9');
}

static const char *skip_blanks(const char *p)
{
	while (is_blank(*p))
		p++;
	return p;
}

/* Inside "...": a backslash quotes only these; $ and ` would expand. */
static const char *double_quoted(const char **pp, char **out)
{
	const char *p = *pp;

	for (; *p != '"'; p++) {
		if (!*p)
			return "unterminated double quote";
		if (*p == '$' || *p == '`')
			return "expansions ($ and `) are not supported";
		if (*p == '\\' && p[1] && strchr("\\\"$`", p[1]))
			p++;
		*(*out)++ = *p;
	}
	*pp = p + 1;
	return NULL;
}

static const char *single_quoted(const char **pp, char **out)
{
	const char *p = *pp, *end = strchr(p, '\'');

	if (!end)
		return "unterminated single quote";
	memcpy(*out, p, (size_t)(end - p));
	*out += end - p;
	*pp = end + 1;
	return NULL;
}

/* Read the value word at *PP into OUT (as long as the rest of the line). */
static const char *value_word(const char **pp, char *out)
{
	const char *p = *pp, *why = NULL;

	while (*p && !is_blank(*p) && !why) {
		char c = *p++;

		if (c == '\'')
			why = single_quoted(&p, &out);
		else if (c == '"')
			why = double_quoted(&p, &out);
		else if (c == '\\' && *p)
			*out++ = *p++;
		else if (c == '$' || c == '`')
			why = "expansions ($ and `) are not supported";
		else if (c == '\\')
			why = "a backslash at the end of the line";
		else if (strchr(";&|<>()", c))
			why = "an unquoted shell operator in the value";
		else
			*out++ = c;
	}
	*out = '\0';
	*pp = p;
	return why;
}

int shellvar_parse(const char *line, char **name, char **value,
		   const char **why)
{
	const char *p = skip_blanks(line), *start;
	size_t name_len;
	char *word;

	*name = *value = NULL;
	if (!*p || *p == '#')
		return 0;
	if (strncmp(p, "export", 6) == 0 && is_blank(p[6]))
		p = skip_blanks(p + 6);
	for (start = p; is_name_char(*p, p == start); p++)
		;
	if (p == start || *p != '=') {
		*why = "not a NAME=VALUE assignment";
		return -1;
	}
	name_len = (size_t)(p - start);
	word = xmalloc(strlen(p) + 1);
	p++;
	*why = value_word(&p, word);
	p = skip_blanks(p);
	if (!*why && *p && *p != '#')
		*why = "an unquoted blank in the value (quote the value)";
	if (*why) {
		free(word);
		return -1;
	}
	*name = xmalloc(name_len + 1);
	memcpy(*name, start, name_len);
	(*name)[name_len] = '\0';
	*value = word;
	return 1;
}
