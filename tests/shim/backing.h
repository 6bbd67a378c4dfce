/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The shim's BOOTIMG_SHIM_BACKING=1 lines: what memory a call is handed. */
#ifndef BOOTIMG_TESTS_SHIM_BACKING_H
#define BOOTIMG_TESTS_SHIM_BACKING_H

#include <stddef.h>
#include <stdio.h>

/* Nonzero if BOOTIMG_SHIM_BACKING=1. */
int shim_backing_wanted(void);

/*
 * Write "  backing I WHAT\n", WHAT backing segment I's [BUF, BUF+SIZE):
 * file:PATH, memfd:NAME or anon when one mapping's kind covers it all;
 * mixed, unmapped or none otherwise.
 */
void shim_put_segment_backing(FILE *f, unsigned long i, const void *buf,
			      size_t size);

/* Write what FD is: file:PATH, memfd:NAME, none (negative) or unknown. */
void shim_put_fd_backing(FILE *f, int fd);

/* Write "  memory anon_kb=N shmem_kb=N\n": RssAnon, RssShmem now. */
void shim_put_memory(FILE *f);

#endif
