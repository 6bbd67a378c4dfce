/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The public structs' size fields (bootimg.h, "Extensible structs"):
 * the first version's size of each; extensible.h reads and writes them.
 */
#ifndef BOOTIMG_ABI_H
#define BOOTIMG_ABI_H

#include <stddef.h>
#include "bootimg.h"
#include "extensible.h"

/*
 * The smallest size a caller may give each struct: its size in
 * LIBBOOTIMG_1, up to its last field then, which stays the same when
 * fields are appended.
 */
#define BI_V1_REQUEST EXT_END_OF(struct bootimg_request, n_initrd_files)
#define BI_V1_INFO EXT_END_OF(struct bootimg_info, container)
#define BI_V1_SEGMENT EXT_END_OF(struct bootimg_segment, memsz)
#define BI_V1_PLAN_SUMMARY EXT_END_OF(struct bootimg_plan_summary, entry_bits)
#define BI_V1_LOAD_RESULT EXT_END_OF(struct bootimg_load_result, cmdline)
#define BI_V1_STATUS EXT_END_OF(struct bootimg_status, panic_reserved)
#define BI_V1_FACTS EXT_END_OF(struct bootimg_facts, needs_root)
#define BI_V1_CHECK EXT_END_OF(struct bootimg_check, largest_ram_size)

#endif
