/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * systemd-boot's EFI variables (LoaderEntryOneShot, LoaderEntryDefault,
 * LoaderEntrySelected) in efivarfs, below a root: four attribute bytes,
 * then a UTF-16LE string ending in a NUL.
 */
#ifndef BOOTCFG_EFIVAR_H
#define BOOTCFG_EFIVAR_H

/*
 * The variable NAME of systemd's loader vendor GUID as UTF-8 in *VALUE
 * (malloc'd): 1; 0 when it is not set; a negative errno when it cannot
 * be read or is not a string (-EBADMSG).
 */
int bc_efivar_get(const char *root, const char *name, char **value);

/* Delete it (efivarfs files are immutable: chattr -i first); 0 or -errno. */
int bc_efivar_delete(const char *root, const char *name);

#endif
