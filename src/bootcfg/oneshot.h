/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading the boot loader's state beside its configuration, on the host. */
#ifndef BOOTCFG_ONESHOT_H
#define BOOTCFG_ONESHOT_H

#include "internal.h"

/*
 * A parse context for files below OPTIONS' root (the caller's, copied
 * in by bc_edge_in()), as bootcfg_load() makes one; *BOOT_DIR is what
 * to free afterwards.  0 or -ENOMEM.
 */
int bc_host_parse(struct bc_parse *p, const struct bootcfg_options *options,
		  struct bc_error *error, char **boot_dir);

#endif
