/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * systemd-boot's EFI variables (LoaderEntryOneShot, LoaderEntryDefault,
 * LoaderEntryLastBooted, LoaderEntrySelected) as efivarfs shows them
 * below the parse's root: four attribute bytes, then a UTF-16LE string
 * ending in a NUL.  Both reading and deleting go through fs.c, so they
 * stay below --root like every other file.
 */
#ifndef BOOTCFG_EFIVAR_H
#define BOOTCFG_EFIVAR_H

#include "internal.h"

/*
 * The variable NAME of systemd's loader vendor GUID as UTF-8 in *VALUE
 * (malloc'd): 1; 0 when it is not set or empty; a negative errno when it
 * cannot be read or is not a string (-EBADMSG), recorded in P's error
 * with the variable's file.
 */
int bc_efivar_get(struct bc_parse *p, const char *name, char **value);

/* Delete it (efivarfs files are immutable: chattr -i first); 0 or -errno. */
int bc_efivar_delete(struct bc_parse *p, const char *name);

#endif
