/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Printing untrusted text so that a terminal shows it and never obeys it. */
#ifndef BOOTIMG_CLI_TEXT_ESCAPE_H
#define BOOTIMG_CLI_TEXT_ESCAPE_H

#include <stdio.h>

/*
 * Print TEXT with backslash, tab, newline and every other control
 * character (C0, DEL, and C1 written in UTF-8) escaped: \\, \t, \n, \xHH.
 * The output holds no tab or newline, so it can be a tab-separated field.
 */
void print_escaped(FILE *out, const char *text);

#endif
