// SPDX-License-Identifier: GPL-2.0-or-later
/* The entry model: menu entries with their submenu path, and selection. */
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "internal.h"
#include "strbuf.h"

struct bc_entry *bc_entry_add(struct bootcfg *cfg)
{
	struct bc_entry *e;

	if (cfg->n_entries >= BC_MAX_ENTRIES) {
		cfg->too_many = 1;
		return NULL;
	}
	if (array_reserve(&cfg->entries, &cfg->cap_entries,
			  cfg->n_entries + 1, sizeof(*cfg->entries)) < 0)
		return NULL;
	e = calloc(1, sizeof(*e));
	if (!e)
		return NULL;
	cfg->entries[cfg->n_entries++] = e;
	return e;
}

int bc_entry_level(struct bc_entry *e, const char *index, const char *id,
		   const char *title)
{
	struct bc_level *l;

	if (array_reserve(&e->levels, &e->cap_levels, e->depth + 1,
			  sizeof(*e->levels)) < 0)
		return -ENOMEM;
	l = &e->levels[e->depth++];
	l->index = strdup(index);
	l->id = strdup(id ? id : "");
	l->title = strdup(title ? title : "");
	return l->index && l->id && l->title ? 0 : -ENOMEM;
}

int bc_entry_push_initrd(struct bc_entry *e, char *host_path)
{
	return bc_strv_push(&e->initrds, &e->n_initrds, &e->cap_initrds,
			    host_path);
}

int bc_entry_push_module(struct bc_entry *e, char *module)
{
	return bc_strv_push(&e->modules, &e->n_modules, &e->cap_modules,
			    module);
}

enum level_field { LEVEL_INDEX, LEVEL_ID, LEVEL_TITLE };

static char *join_levels(const struct bc_entry *e, enum level_field field)
{
	struct strbuf b = { 0 };
	size_t i;

	for (i = 0; i < e->depth; i++) {
		const struct bc_level *l = &e->levels[i];

		if (i)
			strbuf_addc(&b, '>');
		strbuf_add(&b, field == LEVEL_INDEX ? l->index :
			       field == LEVEL_ID ? l->id : l->title);
	}
	return strbuf_take(&b);
}

int bc_finish(struct bootcfg *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n_entries; i++) {
		struct bc_entry *e = cfg->entries[i];

		e->index = join_levels(e, LEVEL_INDEX);
		e->id = join_levels(e, LEVEL_ID);
		e->title = join_levels(e, LEVEL_TITLE);
		if (!e->cmdline)
			e->cmdline = strdup("");
		if (!e->index || !e->id || !e->title || !e->cmdline)
			return -ENOMEM;
		e->pub = (struct bootcfg_entry){
			.index = e->index, .id = e->id, .title = e->title,
			.kernel = e->kernel,
			.initrds = (const char *const *)e->initrds,
			.n_initrds = e->n_initrds, .cmdline = e->cmdline,
			.is_default = (long)i == cfg->default_entry,
			.modules = (const char *const *)e->modules,
			.n_modules = e->n_modules, .boots = e->boots,
			.sysappend = e->sysappend, .hidden = e->hidden,
		};
	}
	return 0;
}

/* Does one level of a selector name this level (index, id or title)? */
static int level_matches(const struct bc_level *l, const char *sel,
			 size_t n)
{
	return (strlen(l->index) == n && !strncmp(l->index, sel, n)) ||
	       (*l->id && strlen(l->id) == n && !strncmp(l->id, sel, n)) ||
	       (strlen(l->title) == n && !strncmp(l->title, sel, n));
}

static int entry_matches(const struct bc_entry *e, const char *sel)
{
	size_t i;

	for (i = 0; i < e->depth; i++) {
		const char *end = strchr(sel, '>');
		size_t n = end ? (size_t)(end - sel) : strlen(sel);

		if (!level_matches(&e->levels[i], sel, n))
			return 0;
		if (!end)
			return i + 1 == e->depth;
		sel = end + 1;
	}
	return 0;
}

long bc_select(const struct bootcfg *cfg, const char *selector)
{
	size_t i;

	if (!selector)
		return -1;
	for (i = 0; i < cfg->n_entries; i++)
		if (entry_matches(cfg->entries[i], selector))
			return (long)i;
	/* A whole title or id with ">" in it. */
	for (i = 0; i < cfg->n_entries; i++) {
		const struct bc_entry *e = cfg->entries[i];

		if (e->depth == 1 && (!strcmp(e->levels[0].title, selector) ||
				      !strcmp(e->levels[0].id, selector)))
			return (long)i;
	}
	return -1;
}

static void entry_free(struct bc_entry *e)
{
	size_t i;

	for (i = 0; i < e->depth; i++) {
		free(e->levels[i].index);
		free(e->levels[i].id);
		free(e->levels[i].title);
	}
	for (i = 0; i < e->n_initrds; i++)
		free(e->initrds[i]);
	for (i = 0; i < e->n_modules; i++)
		free(e->modules[i]);
	free(e->modules);
	free(e->boots);
	free(e->levels);
	free(e->initrds);
	free(e->kernel);
	free(e->cmdline);
	free(e->index);
	free(e->id);
	free(e->title);
	free(e);
}

void bootcfg_free(struct bootcfg *cfg)
{
	size_t i;

	if (!cfg)
		return;
	for (i = 0; i < cfg->n_entries; i++)
		entry_free(cfg->entries[i]);
	free(cfg->entries);
	bc_warnings_free(cfg);
	free(cfg->path);
	free(cfg);
}

const char *bootcfg_format(const struct bootcfg *cfg)
{
	return cfg->format->name;
}

const char *bootcfg_path(const struct bootcfg *cfg)
{
	return cfg->path;
}

size_t bootcfg_count(const struct bootcfg *cfg)
{
	return cfg->n_entries;
}

const struct bootcfg_entry *bootcfg_entry(const struct bootcfg *cfg,
					  size_t i)
{
	return i < cfg->n_entries ? &cfg->entries[i]->pub : NULL;
}

const struct bootcfg_entry *bootcfg_default(const struct bootcfg *cfg)
{
	return cfg->default_entry >= 0 ?
	       &cfg->entries[cfg->default_entry]->pub : NULL;
}

const struct bootcfg_entry *bootcfg_find(const struct bootcfg *cfg,
					 const char *selector)
{
	long i = bc_select(cfg, selector);

	return i >= 0 ? &cfg->entries[i]->pub : NULL;
}
