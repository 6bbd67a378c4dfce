// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: /proc/iomem text, read as the memory map (top level) and as
 * the crash dump's facts ("Crash kernel", System RAM less it).
 */
#include <stddef.h>
#include <stdint.h>
#include "crash.h"
#include "fuzz.h"
#include "memmap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct bi_kcore_facts kcore = {
		.page_offset = 0xffff888000000000ull,
		.text = { .paddr = 0x1000000, .size = 0x2000000,
			  .vaddr = 0xffffffff81000000ull },
	};
	struct bi_crash_facts facts = { 0 };
	struct bi_memmap map;

	if (bi_memmap_parse_iomem((const char *)data, size, &map) == 0)
		bi_memmap_free(&map);
	bi_crash_parse_iomem((const char *)data, size, &facts, &kcore);
	bi_crash_facts_free(&facts);
	return 0;
}
