/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The files of a request, opened and checked before any method runs, so
 * that a bad input is reported the same way whatever the method and
 * before anything is loaded.
 */
#ifndef BOOTIMG_INPUTS_H
#define BOOTIMG_INPUTS_H

#include "file.h"
#include "format.h"

struct bi_inputs {
	struct bi_file kernel_file;
	struct bi_kernel kernel;
	struct bi_file *initrds;	/* the image's own first (UKI) */
	size_t n_initrds;
	size_t n_embedded;		/* of them, from the image */
	struct bi_file *modules;	/* a multiboot kernel's */
	const char *const *module_args;	/* each "FILE args", as requested */
	size_t n_modules;
	char *module_names;	/* their files' names, one after the other */
	const char *cmdline;	/* never NULL: own_cmdline */
	size_t cmdline_len;	/* without the NUL */
	char *own_cmdline;	/* composed from the request and the image */
};

/*
 * Open REQ's files; CACHE_WRITE: a load, which fills the cache of
 * unpacked kernels (fast-boot-cache.h), where planning only reads it.
 */
int bi_inputs_open(struct bootimg *ctx, const struct bootimg_request *req,
		   int cache_write, struct bi_inputs *in);
void bi_inputs_close(struct bi_inputs *in);

#endif
