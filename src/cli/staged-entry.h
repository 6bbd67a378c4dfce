/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What bootimg --load staged, remembered in /run/bootimg/staged-entry for
 * the pre-exec hooks: BOOTIMG_ENTRY, BOOTIMG_KERNEL, BOOTIMG_INITRD,
 * BOOTIMG_INITRDS and BOOTIMG_CMDLINE, each "NAME=VALUE" and a NUL.
 */
#ifndef BOOTIMG_CLI_STAGED_ENTRY_H
#define BOOTIMG_CLI_STAGED_ENTRY_H

#include "strv.h"

#define STAGED_ENTRY_FILE "/run/bootimg/staged-entry"

/*
 * Remember KERNEL, INITRDS (NULL-terminated, may be NULL), the command
 * line CMDLINE with APPEND (either may be NULL), and BOOTIMG_ENTRY from
 * the environment (bootimg-reboot sets it); a record that cannot be
 * written is only warned about.
 */
void staged_entry_record(const char *kernel, char *const *initrds,
			 const char *cmdline, const char *append);
/* Forget the record, after an unload. */
void staged_entry_forget(void);
/* Append the record's "NAME=VALUE" strings to ENV; none if it is missing. */
void staged_entry_environment(struct strv *env);

#endif
