/* SPDX-License-Identifier: GPL-2.0-or-later */
/* syslinux: what a label boots. */
#ifndef BOOTCFG_SYSLINUX_H
#define BOOTCFG_SYSLINUX_H

enum sx_boots { SX_LINUX, SX_MBOOT, SX_OTHER, SX_NOMEM };

/*
 * What KEYWORD FILE (KERNEL, LINUX, COM32, LOCALBOOT...) boots.  For
 * SX_OTHER, *WHAT (malloc'd) says what it is: "COM32 module hdt.c32".
 */
enum sx_boots sx_boots(const char *keyword, const char *file, char **what);

#endif
