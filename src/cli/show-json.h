/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What bootimg prints for --info, --dry-run and --status with --json. */
#ifndef BOOTIMG_CLI_SHOW_JSON_H
#define BOOTIMG_CLI_SHOW_JSON_H

#include <stdio.h>
#include "attempt.h"
#include "bootimg.h"

void show_info_json(FILE *out, const char *path,
		    const struct bootimg_info *info);
void show_plan_json(FILE *out, const struct bootimg_request *req,
		    const struct bootimg_plan *plan);
/* LAST: bootimg-reboot's last attempt, NULL when none can be read. */
void show_status_json(FILE *out, const struct bootimg_status *status,
		      const struct attempt *last);

#endif
