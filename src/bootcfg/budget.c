// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The work budget of one parse: however hostile a configuration, reading
 * it costs a bounded number of steps, files, bytes read and bytes built
 * (the limits are in internal.h and mkbootcmd(8)).  A limit once reached
 * stays reached: every later charge fails with the same cause, so a
 * caller that ignores one failure (a missing grubenv is no error for
 * GRUB) cannot carry on.
 */
#include <stdio.h>
#include "internal.h"

static int over(struct bc_parse *p, const char *file, unsigned line)
{
	return bc_fail(p, file, line, -EBADMSG, "%s (a limit of mkbootcmd)",
		       p->budget.over);
}

static int reached(struct bc_parse *p, const char *file, unsigned line,
		   const char *what, unsigned long long limit)
{
	snprintf(p->budget.over, sizeof(p->budget.over), "more than %llu %s",
		 limit, what);
	return over(p, file, line);
}

int bc_spend_step(struct bc_parse *p, unsigned line)
{
	if (*p->budget.over)
		return over(p, p->path, line);
	if (++p->budget.steps > BC_MAX_STEPS)
		return reached(p, p->path, line, "commands run and words "
			       "expanded", BC_MAX_STEPS);
	return 0;
}

int bc_word_too_long(struct bc_parse *p, unsigned line)
{
	if (*p->budget.over)
		return over(p, p->path, line);
	return reached(p, p->path, line, "bytes in a word or variable",
		       BC_MAX_WORD);
}

int bc_too_many_entries(struct bc_parse *p, unsigned line)
{
	if (*p->budget.over)
		return over(p, p->path, line);
	return reached(p, p->path, line, "menu entries", BC_MAX_ENTRIES);
}

int bc_spend_built(struct bc_parse *p, unsigned line, size_t n)
{
	if (*p->budget.over)
		return over(p, p->path, line);
	p->budget.built += n;
	if (p->budget.built > BC_MAX_BUILT)
		return reached(p, p->path, line, "bytes of words and variables "
			       "built", BC_MAX_BUILT);
	return 0;
}

int bc_spend_file(struct bc_parse *p, const char *path, size_t len)
{
	if (*p->budget.over)
		return over(p, path, 0);
	if (++p->budget.files > BC_MAX_FILES)
		return reached(p, path, 0, "files read", BC_MAX_FILES);
	p->budget.read += len;
	if (p->budget.read > BC_MAX_READ)
		return reached(p, path, 0, "bytes read", BC_MAX_READ);
	return 0;
}

int bc_budget_check(struct bc_parse *p)
{
	return *p->budget.over ? over(p, p->path, 0) : 0;
}
