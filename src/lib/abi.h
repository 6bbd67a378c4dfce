/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The public structs' size fields (bootimg.h, "Extensible structs"):
 * what a caller's struct holds, read in and written out at the edge.
 */
#ifndef BOOTIMG_ABI_H
#define BOOTIMG_ABI_H

#include <stddef.h>
#include "bootimg.h"

/*
 * The smallest size a caller may give each struct: its size in
 * LIBBOOTIMG_1.  When a struct grows, its line keeps the old size
 * (offsetof its first new field) and old callers keep working.
 */
#define BI_V1_REQUEST sizeof(struct bootimg_request)
#define BI_V1_INFO sizeof(struct bootimg_info)
#define BI_V1_SEGMENT sizeof(struct bootimg_segment)
#define BI_V1_PLAN_SUMMARY sizeof(struct bootimg_plan_summary)
#define BI_V1_LOAD_RESULT sizeof(struct bootimg_load_result)
#define BI_V1_STATUS sizeof(struct bootimg_status)
#define BI_V1_FACTS sizeof(struct bootimg_facts)
#define BI_V1_CHECK sizeof(struct bootimg_check)

/*
 * Copy the caller's input struct SRC into DST of this library's SIZE:
 * the fields it lacks zero, its size field set to SIZE.  -EINVAL if it
 * is smaller than V1_SIZE; -E2BIG if it has fields this library does
 * not know that are not zero.
 */
int bi_abi_in(void *dst, size_t size, const void *src, size_t v1_size);

/* 0 if the caller's output struct DST holds at least V1_SIZE, or -EINVAL. */
int bi_abi_out_ok(const void *dst, size_t v1_size);

/*
 * Copy SRC, this library's struct of SIZE, into the caller's DST, as
 * much as both hold; DST's size field tells how much that was.
 */
void bi_abi_out(void *dst, const void *src, size_t size);

#endif
