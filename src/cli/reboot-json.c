// SPDX-License-Identifier: GPL-2.0-or-later
#include "json-out.h"
#include "reboot-json.h"

struct json_object *reboot_json_new(const char *init)
{
	struct json_object *o = json_object_new_object();

	json_put_string(o, "init", init);
	json_object_object_add(o, "commands", json_object_new_array());
	return o;
}

void reboot_json_command(struct json_object *o, const char *role,
			 char *const *argv)
{
	struct json_object *command = json_object_new_object();
	struct json_object *commands;

	json_put_string(command, "role", role);
	json_put_strings(command, "argv", (const char *const *)argv, -1);
	if (json_object_object_get_ex(o, "commands", &commands))
		json_object_array_add(commands, command);
	else
		json_object_put(command);
}

void reboot_json_print(FILE *out, struct json_object *o, int exit_code)
{
	json_put_int(o, "exit_code", exit_code);
	json_print(out, o);
}
