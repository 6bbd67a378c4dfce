/* SPDX-License-Identifier: GPL-2.0-or-later */
/* bootimg-menu's exit codes and the pieces its main() puts together. */
#ifndef BOOTIMG_MENU_MENU_H
#define BOOTIMG_MENU_MENU_H

#include <stdio.h>
#include "bootimg.h"
#include "entries.h"

/* The documented exit codes of bootimg-menu(8). */
enum menu_exit {
	MENU_EXIT_OK = 0,
	MENU_EXIT_FAILED = 1,	/* the boot failed, or the menu was left */
	MENU_EXIT_USAGE = 2,
	MENU_EXIT_NOTHING = 3,	/* no bootable entry on any device */
	MENU_EXIT_NO_ENTRY = 4,	/* --entry names no entry */
	MENU_EXIT_TABLE = 5,	/* --test-devices: the table is bad */
};

/* Entry I as a line without its end: "* I  SOURCE  TITLE  (VERSION)". */
void list_entry(FILE *out, const struct menu_list *list, size_t i);
/* --list: the entries, the default marked, then the problems. */
void list_text(FILE *out, const struct menu_list *list);
void list_json(FILE *out, const struct menu_list *list);

/*
 * Stage entry E with the command line CMDLINE and (unless DRY_RUN)
 * boot it; DRY_RUN prints what would be loaded.  Returns only on
 * failure, or after a dry run: an exit code of bootimg(8), the message
 * printed on stderr.
 */
int boot_entry(struct bootimg *ctx, const struct menu_entry *e,
	       const char *cmdline, int dry_run);

/*
 * The interactive menu on the terminal of IN and OUT: countdown of
 * TIMEOUT seconds (< 0: none) to the entry SELECTED, then
 * boot_entry().  Returns when the user leaves it, with an exit code.
 */
int menu_run(FILE *in, FILE *out, struct bootimg *ctx,
	     const struct menu_list *list, long selected, int timeout,
	     int dry_run);

/*
 * bootimg.timeout= and bootimg.entry= of the command line CMDLINE:
 * *TIMEOUT is left alone without one; *ENTRY is a new string or NULL.
 */
void read_boot_params(const char *cmdline, int *timeout, char **entry);

#endif
