/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Quoting words for a POSIX shell. */
#ifndef BOOTIMG_CLI_QUOTE_H
#define BOOTIMG_CLI_QUOTE_H

#include <stdio.h>

/* Print S as one shell word: bare when safe, else in single quotes. */
void print_shell_word(FILE *out, const char *s);

#endif
