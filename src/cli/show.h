/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What bootimg prints for --info, --dry-run and --status. */
#ifndef BOOTIMG_CLI_SHOW_H
#define BOOTIMG_CLI_SHOW_H

#include <stdio.h>
#include "bootimg.h"

void show_info(FILE *out, const char *path, const struct bootimg_info *info);
void show_plan(FILE *out, const struct bootimg_plan *plan);
void show_status(FILE *out, const struct bootimg_status *status);

#endif
