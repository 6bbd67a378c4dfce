/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * /proc/iomem, the running kernel's resource tree: one line a resource,
 * "start-end : name" in hex with the end inclusive, indented two spaces
 * a level below its parent.
 */
#ifndef BOOTIMG_IOMEM_H
#define BOOTIMG_IOMEM_H

#include <stddef.h>
#include <stdint.h>

struct bootimg;

struct bi_iomem_entry {
	unsigned depth;		/* 0 for the top level */
	uint64_t start;
	uint64_t end;		/* exclusive */
	const char *name;	/* NUL-terminated, valid during the call */
};

/* Called for each entry; a nonzero return stops the walk with it. */
typedef int (*bi_iomem_fn)(void *arg, const struct bi_iomem_entry *entry);

/*
 * Walk the lines of TEXT (LEN bytes, not NUL-terminated).  -EINVAL for
 * a malformed line, -EPERM when the addresses are hidden (all zero, as
 * shown without CAP_SYS_ADMIN).
 */
int bi_iomem_parse(const char *text, size_t len, bi_iomem_fn fn, void *arg);

/* Read /proc/iomem below the sysroot and walk it. */
int bi_iomem_walk(struct bootimg *ctx, bi_iomem_fn fn, void *arg);

#endif
