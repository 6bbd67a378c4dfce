// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: one boot loader configuration parser of libbootcfg on the
 * input, through bootcfg_parse_buffer() without reading other files.
 * Built once per format, FUZZ_BOOTCFG_FORMAT naming it ("grub", "bls",
 * "syslinux", "lilo"), or NULL for detection across all of them.  Besides
 * not crashing, the library must keep its promises: an error has a
 * cause and leaves no configuration; every entry's strings are set; the
 * default is marked; every entry is found by its index.
 */
#include <stdlib.h>
#include <string.h>
#include "bootcfg.h"
#include "fuzz.h"

#ifndef FUZZ_BOOTCFG_FORMAT
#error "define FUZZ_BOOTCFG_FORMAT"
#endif

static void check_entries(const struct bootcfg *cfg)
{
	const struct bootcfg_entry *def = bootcfg_default(cfg);
	size_t i, j;

	for (i = 0; i < bootcfg_count(cfg); i++) {
		const struct bootcfg_entry *e = bootcfg_entry(cfg, i);

		if (!e->index || !e->id || !e->title || !e->cmdline)
			abort();
		for (j = 0; j < e->n_initrds; j++)
			if (!e->initrds[j])
				abort();
		if (!bootcfg_find(cfg, e->index))
			abort();	/* every entry has an index */
		bootcfg_find(cfg, e->id);
		bootcfg_find(cfg, e->title);
	}
	if (def && !def->is_default)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bootcfg_error error;
	struct bootcfg *cfg = NULL;
	int err = bootcfg_parse_buffer(FUZZ_BOOTCFG_FORMAT, (const char *)data,
				       size, "/boot/fuzz.cfg", NULL, &cfg,
				       &error);

	if (err < 0) {
		if (cfg || !error.cause[0] ||
		    !memchr(error.cause, '\0', sizeof(error.cause)))
			abort();	/* an error explains itself */
		return 0;
	}
	check_entries(cfg);
	bootcfg_free(cfg);
	return 0;
}
