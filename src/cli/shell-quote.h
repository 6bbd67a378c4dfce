/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Printing a command so that a shell would run exactly it. */
#ifndef BOOTIMG_CLI_SHELL_QUOTE_H
#define BOOTIMG_CLI_SHELL_QUOTE_H

#include <stdio.h>

/* Print ARGV's words separated by spaces, quoted where needed, and a newline. */
void shell_print_command(FILE *out, char *const argv[]);

#endif
