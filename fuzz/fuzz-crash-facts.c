// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: the crash dump's other sources.  The first byte chooses:
 * even, /proc/kcore's ELF header; odd, a sysfs CPU list.
 */
#include <stdlib.h>
#include <string.h>
#include "crash.h"
#include "fuzz.h"

static int count_cpu(void *arg, unsigned cpu)
{
	(void)cpu;
	++*(unsigned *)arg;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bi_kcore_facts kcore;
	unsigned cpus = 0;
	char *text;

	if (size == 0)
		return 0;
	if (data[0] % 2 == 0) {
		bi_crash_parse_kcore(data + 1, size - 1, &kcore);
		return 0;
	}
	text = malloc(size);
	if (!text)
		return 0;
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	bi_crash_parse_cpulist(text, count_cpu, &cpus);
	free(text);
	return 0;
}
