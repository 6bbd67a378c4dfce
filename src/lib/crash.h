/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The panic kernel: the facts about the running kernel a crash dump
 * needs (read from /proc and /sys), and the arch's plan that places a
 * panic kernel inside the crashkernel= reservation.
 */
#ifndef BOOTIMG_CRASH_H
#define BOOTIMG_CRASH_H

#include "elfcore.h"
#include "memmap.h"
#include "plan.h"

#define BI_CRASH_MAX_RESERVED 4	/* "Crash kernel" ranges: high and low */

struct bi_crash_facts {
	struct bi_span reserved[BI_CRASH_MAX_RESERVED];
	size_t n_reserved;
	struct bi_elfcore core;	/* notes and RAM outside the reservation */
};

/* Where the kernel's text is mapped, from /proc/kcore's headers. */
struct bi_kcore_facts {
	uint64_t page_offset;	/* virtual address of physical 0; 0 unknown */
	struct bi_elfcore_range text;	/* size 0 when unknown */
};

/*
 * Read /proc/iomem, /sys/devices/system/cpu/cpuN/crash_notes{,_size},
 * /sys/kernel/vmcoreinfo and /proc/kcore.  -ENOSPC, cause
 * NO_CRASH_RESERVATION, when nothing is reserved for a panic kernel.  On
 * failure the context names the file.
 */
int bi_crash_facts_read(struct bootimg *ctx, struct bi_crash_facts *facts);
void bi_crash_facts_free(struct bi_crash_facts *facts);

/* The parsers behind it, on buffers. */
int bi_crash_parse_iomem(const char *text, size_t len,
			 struct bi_crash_facts *facts,
			 const struct bi_kcore_facts *kcore);
int bi_crash_parse_kcore(const uint8_t *buf, size_t len,
			 struct bi_kcore_facts *kcore);
/* A cpulist such as "0-3,8"; calls FN for each CPU number. */
int bi_crash_parse_cpulist(const char *text, int (*fn)(void *, unsigned),
			   void *arg);

/* Bytes reserved by crashkernel=, from /sys/kernel/kexec_crash_size. */
uint64_t bi_crash_reserved_size(struct bootimg *ctx);

/*
 * Turn PLAN (inputs and memory map read) into a panic kernel's: the map
 * limited to the reservation, the elfcorehdr segment placed in it, and
 * elfcorehdr= on the command line.  bi_arch_plan() runs after it.
 */
int bi_arch_crash_plan(struct bootimg *ctx, struct bootimg_plan *plan);

#endif
