/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What bootimg --load staged, remembered in /run/bootimg/staged-entry for
 * the pre-exec hooks: BOOTIMG_ENTRY, BOOTIMG_KERNEL, BOOTIMG_INITRD,
 * BOOTIMG_INITRDS, BOOTIMG_INITRD_FILES and BOOTIMG_CMDLINE, each
 * "NAME=VALUE" and a NUL.
 */
#ifndef BOOTIMG_CLI_STAGED_ENTRY_H
#define BOOTIMG_CLI_STAGED_ENTRY_H

#include "bootimg.h"
#include "strv.h"

#define STAGED_ENTRY_FILE "/run/bootimg/staged-entry"

/*
 * Remember REQ's kernel, initrds and --initrd-file files, the command
 * line CMDLINE the kernel gets (may be NULL), and BOOTIMG_ENTRY from the
 * environment (bootimg-reboot sets it); a record that cannot be written
 * is only warned about.
 */
void staged_entry_record(const struct bootimg_request *req,
			 const char *cmdline);
/* Forget the record, after an unload. */
void staged_entry_forget(void);
/* Append the record's "NAME=VALUE" strings to ENV; none if it is missing. */
void staged_entry_environment(struct strv *env);

#endif
