// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The library's edge: the caller's structs, whose size fields tell the
 * version of <bootcfg.h> they were compiled with, read in.
 */
#include "extensible.h"
#include "internal.h"

/* struct bootcfg_options as LIBBOOTCFG_1 has it. */
#define BC_V1_OPTIONS EXT_END_OF(struct bootcfg_options, device_map)

int bc_options_in(const struct bootcfg_options *given,
		  struct bootcfg_options *o, struct bootcfg_error *error)
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
