// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --list: one line per entry, "* N  SOURCE  TITLE  (VERSION)", the
 * default marked with "*", then one "problem: SOURCE: cause" line per
 * problem; --json: the same and each entry's files and command line.
 */
#include <json-c/json.h>
#include "escape.h"
#include "json-out.h"
#include "menu.h"

void list_entry(FILE *out, const struct menu_list *list, size_t i)
{
	const struct menu_entry *e = &list->v[i];

	fprintf(out, "%c %zu  ", (long)i == list->default_entry ? '*' : ' ',
		i);
	put_escaped(out, e->source);
	fputs("  ", out);
	put_escaped(out, e->title);
	fputs("  (", out);
	put_escaped(out, e->version);
	fputc(')', out);
}

void list_text(FILE *out, const struct menu_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		list_entry(out, list, i);
		fputc('\n', out);
	}
	for (i = 0; i < list->n_problems; i++) {
		fputs("problem: ", out);
		put_escaped(out, list->problems[i]);
		fputc('\n', out);
	}
}

static struct json_object *entry_json(const struct menu_entry *e,
				      size_t index, int is_default)
{
	struct json_object *o = json_object_new_object();

	json_put_u64(o, "index", index);
	json_put_bool(o, "default", is_default);
	json_put_string(o, "source", e->source);
	json_put_string(o, "config", e->config);
	json_put_string(o, "id", e->id);
	json_put_string(o, "title", e->title);
	json_put_string(o, "version", e->version);
	json_put_string(o, "kernel", e->kernel);
	json_put_strings(o, "initrds", (const char *const *)e->initrds,
			 (long)e->n_initrds);
	json_put_strings(o, "modules", (const char *const *)e->modules,
			 (long)e->n_modules);
	json_put_string(o, "cmdline", e->cmdline);
	return o;
}

void list_json(FILE *out, const struct menu_list *list)
{
	struct json_object *o = json_object_new_object();
	struct json_object *entries = json_object_new_array();
	size_t i;

	for (i = 0; i < list->n; i++)
		json_object_array_add(entries, entry_json(&list->v[i], i,
				      (long)i == list->default_entry));
	json_object_object_add(o, "entries", entries);
	json_put_strings(o, "problems", (const char *const *)list->problems,
			 (long)list->n_problems);
	json_print(out, o);
}
