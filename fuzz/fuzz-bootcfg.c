// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: libbootcfg reading one boot loader configuration and the
 * files it reaches (INCLUDE, load_env -f, blscfg, BLS entries, UKIs).
 * The input is split into files at lines "@@ PATH" (a relative PATH is
 * below /boot); the text before the first is the configuration, at the
 * usual place of FUZZ_BOOTCFG_FORMAT ("grub", "bls", "syslinux", "lilo"),
 * or at /boot/fuzz.cfg for NULL: the format detected.  libbootcfg's file
 * layer serves them from memory; no file of the host is read.
 *
 * Besides not crashing, the library must keep its promises: an error has
 * a cause and leaves no configuration; every entry's strings are set; the
 * default is marked; every entry is found by its index.  And the work
 * budget holds: a parse that reached a limit fails, one that succeeds
 * spent no more than the limits, and none takes more than FUZZ_MAX_CPU
 * seconds of CPU time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bootcfg.h"
#include "fuzz.h"
#include "internal.h"
#include "macros.h"

#ifndef FUZZ_BOOTCFG_FORMAT
#error "define FUZZ_BOOTCFG_FORMAT"
#endif

#define FUZZ_MAX_FILES 32
#define FUZZ_MAX_CPU 5	/* seconds; the slowest bombs take 0.4 under ASan */

/* Where FORMAT keeps its configuration (a BLS entry: in its directory). */
static const char *main_file(const char *format, const char **config)
{
	static const char *const places[][3] = {
		{ "grub", "/boot/grub/grub.cfg", "/boot/grub/grub.cfg" },
		{ "bls", "/boot/loader/entries/fuzz.conf",
		  "/boot/loader/entries" },
		{ "syslinux", "/boot/extlinux/extlinux.conf",
		  "/boot/extlinux/extlinux.conf" },
		{ "lilo", "/etc/lilo.conf", "/etc/lilo.conf" },
	};
	size_t i;

	for (i = 0; format && i < ARRAY_SIZE(places); i++) {
		if (!strcmp(format, places[i][0])) {
			*config = places[i][2];
			return places[i][1];
		}
	}
	*config = "/boot/fuzz.cfg";
	return *config;
}

/* Split the input into the files of T at lines "@@ PATH". */
static void split(const uint8_t *data, size_t size, struct bc_file *v,
		  char (*paths)[256], struct bc_file_table *t)
{
	static const char sep[] = "\n@@ ";
	const char *config;
	const uint8_t *end = data + size, *at = data;

	t->v = v;
	t->n = 1;
	v[0] = (struct bc_file){ main_file(FUZZ_BOOTCFG_FORMAT, &config),
				 data, size };
	while (t->n < FUZZ_MAX_FILES && (at = memmem(at, (size_t)(end - at),
						     sep, sizeof(sep) - 1))) {
		const uint8_t *name = at + sizeof(sep) - 1, *nl;
		size_t len;

		v[t->n - 1].len = (size_t)(at - v[t->n - 1].data);
		nl = memchr(name, '\n', (size_t)(end - name));
		if (!nl)
			nl = end;
		len = (size_t)(nl - name);
		snprintf(paths[t->n], sizeof(paths[t->n]), "%s%.*s",
			 len && *name == '/' ? "" : "/boot/",
			 (int)(len < 200 ? len : 200), (const char *)name);
		v[t->n] = (struct bc_file){ paths[t->n], nl < end ? nl + 1 :
					    end, 0 };
		v[t->n].len = (size_t)(end - v[t->n].data);
		t->n++;
		at = nl;
	}
}

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

/* The budget's promise: reaching a limit fails the parse. */
static void check_budget(int err, const struct bc_budget *spent)
{
	if (spent->over[0] && err >= 0)
		abort();
	if (err >= 0 && (spent->steps > BC_MAX_STEPS ||
			 spent->built > BC_MAX_BUILT ||
			 spent->files > BC_MAX_FILES ||
			 spent->read > BC_MAX_READ))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct bc_file files[FUZZ_MAX_FILES];
	static char paths[FUZZ_MAX_FILES][256];
	struct bootcfg_options options = {
		.size = sizeof(options), .format = FUZZ_BOOTCFG_FORMAT,
	};
	struct bc_file_table table;
	struct bc_error error;
	struct bc_budget spent;
	struct bootcfg *cfg = NULL;
	clock_t start = clock();
	int err;

	split(data, size, files, paths, &table);
	main_file(FUZZ_BOOTCFG_FORMAT, &options.config);
	err = bc_load(&options, &table, &cfg, &error, &spent);
	if (clock() - start > FUZZ_MAX_CPU * CLOCKS_PER_SEC)
		abort();	/* the budget bounds time too */
	check_budget(err, &spent);
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
