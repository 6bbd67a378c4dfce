/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Printing words and commands so that a POSIX shell reads them back exactly. */
#ifndef BOOTIMG_CLI_SHELL_QUOTE_H
#define BOOTIMG_CLI_SHELL_QUOTE_H

#include <stdio.h>

/* Print WORD as one shell word: bare when safe, else in single quotes. */
void shell_print_word(FILE *out, const char *word);

/* Print ARGV's words separated by spaces, quoted where needed, and a newline. */
void shell_print_command(FILE *out, char *const argv[]);

#endif
