// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The library's edge: the caller's structs, whose size fields tell the
 * version of <bootcfg.h> they were compiled with, read in and written
 * out; the error recorded inside (struct bc_error) made public.
 */
#include <stdlib.h>
#include <string.h>
#include "extensible.h"
#include "internal.h"

/* The structs as LIBBOOTCFG_1 has them. */
#define BC_V1_OPTIONS EXT_END_OF(struct bootcfg_options, device_map)
#define BC_V1_ERROR EXT_END_OF(struct bootcfg_error, cause)

/* FILE and CAUSE of an error that memory ran out to store; not freed. */
static const char lost[] = "";

static int options_in(const struct bootcfg_options *given,
		      struct bootcfg_options *o, struct bc_error *error)
{
	struct bc_parse p = { .error = error };
	int err;

	if (!given) {
		*o = (struct bootcfg_options){ .size = sizeof(*o) };
		return 0;
	}
	err = ext_in(o, sizeof(*o), given, BC_V1_OPTIONS);
	if (err == -EINVAL)
		return bc_fail(&p, "", 0, err, "struct bootcfg_options of %zu "
			       "bytes: smaller than LIBBOOTCFG_1's",
			       given->size);
	if (err)
		return bc_fail(&p, "", 0, err, "struct bootcfg_options of %zu "
			       "bytes: fields this libbootcfg does not know "
			       "are set", given->size);
	return 0;
}

int bc_edge_in(const struct bootcfg_options *given,
	       struct bootcfg_options *o, const struct bootcfg_error *error,
	       struct bc_error *e)
{
	*e = (struct bc_error){ .line = 0 };
	if (error && ext_out_ok(error, BC_V1_ERROR) < 0)
		return -EINVAL;
	return options_in(given, o, e);
}

int bc_edge_out(int err, const struct bc_error *e,
		struct bootcfg_error *error)
{
	struct bootcfg_error out = { .size = sizeof(out), .line = e->line };
	size_t n = strlen(e->file) + 1;
	char *text;

	if (err >= 0 || !error || ext_out_ok(error, BC_V1_ERROR) < 0)
		return err;
	text = malloc(n + strlen(e->cause) + 1);
	if (text) {
		memcpy(text, e->file, n);
		strcpy(text + n, e->cause);
		out.file = text;
		out.cause = text + n;
	} else {
		out.file = out.cause = lost;
	}
	ext_out(error, &out, sizeof(out));
	return err;
}

void bootcfg_error_clear(struct bootcfg_error *error)
{
	if (!error || ext_out_ok(error, BC_V1_ERROR) < 0)
		return;
	if (error->file != lost)
		free((char *)error->file);	/* CAUSE is in the same block */
	error->file = NULL;
	error->line = 0;
	error->cause = NULL;
}
