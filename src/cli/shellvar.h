/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading a shell-variable file such as /etc/default/bootimg without a
 * shell: only assignments with literal values, quoted as sh quotes them.
 */
#ifndef BOOTIMG_CLI_SHELLVAR_H
#define BOOTIMG_CLI_SHELLVAR_H

/*
 * Parse one LINE: blank, a comment, or `[export] NAME=VALUE [# comment]`
 * where VALUE is made of plain characters, 'single-quoted' and
 * "double-quoted" parts and backslash escapes.  Expansions ($, `) and
 * unquoted blanks or operators are refused, since they would mean more
 * than a value to the shell.
 *
 * Returns 1 and sets *NAME and *VALUE (malloc'd) for an assignment, 0 for
 * a line without one, -1 with *WHY (static text) for anything else.
 */
int shellvar_parse(const char *line, char **name, char **value,
		   const char **why);

#endif
