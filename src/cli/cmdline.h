/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Composing the new kernel's command line from the options. */
#ifndef BOOTIMG_CLI_CMDLINE_H
#define BOOTIMG_CLI_CMDLINE_H

/*
 * BASE is --command-line; REUSE takes the running kernel's /proc/cmdline
 * instead (without BOOT_IMAGE=).  --append is the library's to add, after
 * this or after a UKI's own command line.  Returns a malloc'd string or
 * NULL with errno set.
 */
char *compose_cmdline(const char *base, int reuse);

#endif
