/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The new kernel's command line, from the options to what is printed. */
#ifndef BOOTIMG_CLI_KERNEL_CMDLINE_H
#define BOOTIMG_CLI_KERNEL_CMDLINE_H

#include <stddef.h>
#include <stdio.h>
#include "bootimg.h"

/*
 * BASE is --command-line; REUSE takes the running kernel's /proc/cmdline
 * (below $BOOTIMG_SYSROOT) instead.  --append and --remove are the
 * library's to apply, to this or to a UKI's own command line.  Returns a
 * malloc'd string or NULL with errno set.
 */
char *compose_cmdline(const char *base, int reuse);

/* The first of KEYS (--remove) that is no parameter's name, or NULL. */
const char *bad_remove_key(char **keys);

/*
 * KEYS, plus BOOT_IMAGE and initrd (the boot loader's) when REUSE, as a
 * malloc'd array of *N; NULL when out of memory.
 */
const char **removals(char **keys, int reuse, size_t *n);

/*
 * "PREFIXcommand line: CMDLINE", escaped, on a line; nothing if CMDLINE
 * is NULL.
 */
void print_cmdline(FILE *out, const char *prefix, const char *cmdline);

#endif
