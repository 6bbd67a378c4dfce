/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mkbootcmd --json: the boot loader's entries, or one, as JSON. */
#ifndef BOOTIMG_CLI_BOOTCFG_JSON_H
#define BOOTIMG_CLI_BOOTCFG_JSON_H

#include <stdio.h>
#include "bootcfg.h"

/* {"config": PATH, "entries": [ENTRY...]} */
void show_entries_json(FILE *out, const struct bootcfg *cfg);
/* {"config": PATH, "entry": ENTRY} */
void show_entry_json(FILE *out, const struct bootcfg *cfg,
		     const struct bootcfg_entry *e);

#endif
