/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The bootimg command that stages the kernel bootimg-reboot boots. */
#ifndef BOOTIMG_CLI_REBOOT_STAGE_H
#define BOOTIMG_CLI_REBOOT_STAGE_H

#include "strv.h"

enum stage_source {
	STAGE_ENTRY,	/* a boot loader entry, through mkbootcmd */
	STAGE_RUNNING,	/* the running kernel's image, initrd, command line */
	STAGE_EXPLICIT,	/* --kernel, --initrd, --command-line */
};

struct stage_request {
	enum stage_source source;
	const char *entry;		/* STAGE_ENTRY; NULL: the default */
	const char *config;		/* STAGE_ENTRY: mkbootcmd --config */
	const char *boot_dir;		/* STAGE_ENTRY, STAGE_RUNNING */
	unsigned timeout;		/* STAGE_ENTRY: seconds for mkbootcmd */
	const char *kernel;		/* STAGE_EXPLICIT */
	char **initrds;			/* STAGE_EXPLICIT, NULL-terminated */
	const char *command_line;	/* STAGE_EXPLICIT; NULL: reuse */
	const char *append;		/* any: added to the command line */
	const char *method;		/* any: bootimg --method */
	int debug;			/* any: bootimg --debug */
	int no_fast_boot;		/* any: bootimg --no-fast-boot */
	int verbose;			/* any: bootimg -v */
};

/*
 * Fill ARGV with the bootimg command for REQ ("bootimg", "--load", ...).
 * Returns 0, or -1 after printing why no command could be made.
 */
int stage_command(const struct stage_request *req, struct strv *argv);

#endif
