// SPDX-License-Identifier: GPL-2.0-or-later
#include "bootcfg-json.h"
#include "json-out.h"

static struct json_object *entry_json(const struct bootcfg_entry *e)
{
	struct json_object *o = json_object_new_object();

	json_put_string(o, "index", e->index);
	json_put_string(o, "id", e->id);
	json_put_string(o, "title", e->title);
	json_put_bool(o, "default", e->is_default);
	json_put_bool(o, "hidden", e->hidden);
	json_put_string(o, "kernel", e->kernel);
	json_put_strings(o, "initrds", e->initrds, (long)e->n_initrds);
	json_put_strings(o, "modules", e->modules, (long)e->n_modules);
	json_put_string(o, "command_line", e->cmdline);
	json_put_string(o, "boots", e->boots);
	return o;
}

void show_entries_json(FILE *out, const struct bootcfg *cfg)
{
	struct json_object *o = json_object_new_object();
	struct json_object *list = json_object_new_array();
	size_t i;

	for (i = 0; i < bootcfg_count(cfg); i++)
		json_object_array_add(list, entry_json(bootcfg_entry(cfg, i)));
	json_put_string(o, "config", bootcfg_path(cfg));
	json_object_object_add(o, "entries", list);
	json_print(out, o);
}

void show_entry_json(FILE *out, const struct bootcfg *cfg,
		     const struct bootcfg_entry *e)
{
	struct json_object *o = json_object_new_object();

	json_put_string(o, "config", bootcfg_path(cfg));
	json_object_object_add(o, "entry", entry_json(e));
	json_print(out, o);
}
