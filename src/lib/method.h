/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Load methods: each hands a request to the running kernel its own way. */
#ifndef BOOTIMG_METHOD_H
#define BOOTIMG_METHOD_H

#include "bootimg.h"
#include "inputs.h"

struct bi_method {
	/* IN: the request's files, opened and checked once by the caller. */
	int (*load)(struct bootimg *ctx, const struct bootimg_request *req,
		    const struct bi_inputs *in);
	int (*unload)(struct bootimg *ctx, unsigned flags);
	/* Is a kernel staged through this interface? */
	int (*staged)(struct bootimg *ctx, int *staged);
	/* Boot it now; returns only on failure. */
	int (*exec)(struct bootimg *ctx);
};

extern const struct bi_method bi_method_file;
extern const struct bi_method bi_method_kexec;
extern const struct bi_method bi_method_module;

/* What kexec_file_load and kexec_load share: the kernel's kexec state. */
int bi_kexec_staged(struct bootimg *ctx, int *staged);
int bi_kexec_exec(struct bootimg *ctx);

/*
 * What only the kexec and module methods do: with bootimg's purgatory,
 * or with the unpacked vmlinux of fast boot.
 */
#define BI_NEEDS_OWN_PURGATORY (BOOTIMG_LOAD_ENTRY32 | \
				BOOTIMG_LOAD_BREADCRUMB | \
				BOOTIMG_LOAD_FAST_BOOT)

/* auto's way for REQ on a kernel with facts F (method-auto.c). */
enum bootimg_auto_reason bi_auto_reason(const struct bootimg_request *req,
					const struct bootimg_facts *f);

/*
 * Open REQ's inputs for auto's way, which *REASON tells: with fast boot
 * (set in USED, a copy of REQ) where it is the fast way and the image
 * allows it.  FACTS NULL: read them here, as a load does.  CACHE_WRITE
 * as bi_inputs_open()'s.
 */
int bi_auto_inputs_open(struct bootimg *ctx, const struct bootimg_request *req,
			const struct bootimg_facts *facts, int cache_write,
			struct bootimg_request *used,
			enum bootimg_auto_reason *reason, struct bi_inputs *in);

/*
 * auto's order, apart from the loading: TRY_METHOD(ARG, METHOD) loads
 * (or predicts the outcome of loading) with one method and returns 0 or
 * its error; bi_auto_run() calls it for each method in the order REASON
 * gives and returns the error auto reports, with the method in RESULT.
 */
typedef int bi_try_method(void *arg, enum bootimg_method method);
int bi_auto_run(const struct bootimg_request *req,
		enum bootimg_auto_reason reason, bi_try_method *try_method,
		void *arg, struct bootimg_load_result *result);

/*
 * Record the kernel's refusal ERR of a load (or unload) with FLAGS, and
 * the cause behind it (EPERM, EADDRNOTAVAIL); returns ERR.
 */
int bi_fail_refused(struct bootimg *ctx, const char *path, int err,
		    unsigned flags);

/* 0, or why REQ is refused before any method is tried. */
int bi_request_refused(struct bootimg *ctx, const struct bootimg_request *req);

#endif
