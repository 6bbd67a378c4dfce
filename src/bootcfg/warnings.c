// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Warnings: what the boot loader would skip and go on without (a missing
 * INCLUDE or source file, a malformed BLS entry), kept as "FILE:LINE:
 * CAUSE" for the caller to show.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define BC_MAX_WARNINGS 64	/* later ones are counted, not kept */

static int keep(struct bootcfg *cfg, char *text)
{
	if (text && cfg->n_warnings >= BC_MAX_WARNINGS) {
		free(text);
		cfg->dropped_warnings++;
		return 0;
	}
	return bc_strv_push(&cfg->warnings, &cfg->n_warnings,
			    &cfg->cap_warnings, text);
}

static char *located(const char *file, unsigned line, const char *cause)
{
	size_t n = strlen(file) + strlen(cause) + 32;
	char *text = malloc(n);

	if (!text)
		return NULL;
	if (line)
		snprintf(text, n, "%s:%u: %s", file, line, cause);
	else if (*file)
		snprintf(text, n, "%s: %s", file, cause);
	else
		snprintf(text, n, "%s", cause);
	return text;
}

int bc_warn(struct bc_parse *p, unsigned line, const char *fmt, ...)
{
	char cause[sizeof(p->error->cause)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cause, sizeof(cause), fmt, ap);
	va_end(ap);
	return keep(p->cfg, located(p->path, line, cause));
}

int bc_warn_error(struct bc_parse *p, const char *skipped)
{
	const struct bc_error *e = p->error;
	char cause[sizeof(e->cause) + 64];

	snprintf(cause, sizeof(cause), "%s (%s)", e->cause, skipped);
	return keep(p->cfg, located(e->file, e->line, cause));
}

void bc_warnings_free(struct bootcfg *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n_warnings; i++)
		free(cfg->warnings[i]);
	free(cfg->warnings);
}

size_t bootcfg_warning_count(const struct bootcfg *cfg)
{
	return cfg->n_warnings + (cfg->dropped_warnings ? 1 : 0);
}

const char *bootcfg_warning(const struct bootcfg *cfg, size_t i)
{
	if (i < cfg->n_warnings)
		return cfg->warnings[i];
	return i == cfg->n_warnings && cfg->dropped_warnings ?
	       "more warnings left out" : NULL;
}
