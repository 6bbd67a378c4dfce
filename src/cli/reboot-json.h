/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootimg-reboot --dry-run --json: the commands it would run, in order,
 * as one JSON object.
 */
#ifndef BOOTIMG_CLI_REBOOT_JSON_H
#define BOOTIMG_CLI_REBOOT_JSON_H

#include <stdio.h>

struct json_object;

/* {"init": INIT, "commands": []} */
struct json_object *reboot_json_new(const char *init);
/* Add {"role": ROLE, "argv": [ARGV...]} to the commands. */
void reboot_json_command(struct json_object *o, const char *role,
			 char *const *argv);
/* Add "exit_code", print O and release it. */
void reboot_json_print(FILE *out, struct json_object *o, int exit_code);

#endif
