/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fast boot through the cache of unpacked kernels (kernel-cache.h). */
#ifndef BOOTIMG_FAST_BOOT_CACHE_H
#define BOOTIMG_FAST_BOOT_CACHE_H

#include "format.h"

/*
 * bi_bzimage_fast_boot() on KERNEL, its vmlinux read from the cache when
 * it is there; else unpacked and, with WRITE, written to the cache
 * (made if missing).  Without BOOTIMG_LOAD_NO_CACHE in REQ's flags;
 * REQ's cache_bound bounds it.  What the cache does is logged, and its
 * failures only logged: the errors are bi_bzimage_fast_boot()'s.
 */
int bi_fast_boot(struct bootimg *ctx, const struct bootimg_request *req,
		 int write, struct bi_kernel *kernel);

#endif
