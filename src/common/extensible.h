/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Extensible public structs, as libbootimg's and libbootcfg's headers
 * define them: each begins with a size_t SIZE that the caller sets to the
 * size it was compiled with, { .size = sizeof(x) }, and a later version
 * only appends fields.  These read a caller's struct in and write one
 * out at a library's edge.
 */
#ifndef BOOTIMG_EXTENSIBLE_H
#define BOOTIMG_EXTENSIBLE_H

#include <stddef.h>

/* The bytes of TYPE up to the end of FIELD. */
#define EXT_END_OF(type, field) \
	(offsetof(type, field) + sizeof(((type *)0)->field))

/*
 * Copy the caller's input struct SRC into DST of this library's SIZE:
 * the fields it lacks zero, its size field set to SIZE.  -EINVAL if it
 * is smaller than V1_SIZE; -E2BIG if it has fields this library does
 * not know that are not zero.
 */
int ext_in(void *dst, size_t size, const void *src, size_t v1_size);

/* 0 if the caller's output struct DST holds at least V1_SIZE, or -EINVAL. */
int ext_out_ok(const void *dst, size_t v1_size);

/*
 * Copy SRC, this library's struct of SIZE, into the caller's DST, as
 * much as both hold; DST's size field tells how much that was.
 */
void ext_out(void *dst, const void *src, size_t size);

#endif
