/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The public structs' size fields (bootimg.h, "Extensible structs"):
 * what a caller's struct holds, read in and written out at the edge.
 */
#ifndef BOOTIMG_ABI_H
#define BOOTIMG_ABI_H

#include <stddef.h>
#include "bootimg.h"

/* The bytes of TYPE up to the end of FIELD. */
#define BI_END_OF(type, field) \
	(offsetof(type, field) + sizeof(((type *)0)->field))

/*
 * The smallest size a caller may give each struct: its size in
 * LIBBOOTIMG_1, up to its last field then, which stays the same when
 * fields are appended.
 */
#define BI_V1_REQUEST BI_END_OF(struct bootimg_request, n_initrd_files)
#define BI_V1_INFO BI_END_OF(struct bootimg_info, container)
#define BI_V1_SEGMENT BI_END_OF(struct bootimg_segment, memsz)
#define BI_V1_PLAN_SUMMARY BI_END_OF(struct bootimg_plan_summary, entry_bits)
#define BI_V1_LOAD_RESULT BI_END_OF(struct bootimg_load_result, cmdline)
#define BI_V1_STATUS BI_END_OF(struct bootimg_status, panic_reserved)
#define BI_V1_FACTS BI_END_OF(struct bootimg_facts, needs_root)
#define BI_V1_CHECK BI_END_OF(struct bootimg_check, largest_ram_size)

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
