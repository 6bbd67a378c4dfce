// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /proc/iomem: the running kernel's resource tree.  Its top-level lines
 * ("start-end : name", end inclusive) give the memory map when
 * /sys/firmware/memmap is missing.  Without CAP_SYS_ADMIN the kernel shows
 * every address as zero; that is reported as -EPERM.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "memmap.h"

static int parse_line(const char *line, struct bi_memmap *map)
{
	uint64_t start, last;
	uint32_t type;
	char name[128];

	if (line[0] == ' ')
		return 0;	/* a child resource */
	if (sscanf(line, "%" SCNx64 "-%" SCNx64 " : %127[^\n]",
		   &start, &last, name) != 3)
		return -EINVAL;
	if (bi_mem_type_from_name(name, &type) < 0)
		return 0;	/* a bus window or a device, not memory */
	if (last < start)
		return -EINVAL;
	if (last == 0)
		return -EPERM;	/* addresses hidden from us */
	return bi_memmap_add(map, start, last + 1, type);
}

int bi_memmap_read_iomem(struct bootimg *ctx, struct bi_memmap *map)
{
	char path[4096], line[256];
	FILE *f;
	int err;

	*map = (struct bi_memmap){ 0 };
	err = bi_sysroot_path(ctx, "/proc/iomem", path, sizeof(path));
	if (err < 0)
		return err;
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (err == 0 && fgets(line, sizeof(line), f))
		err = parse_line(line, map);
	fclose(f);
	if (err < 0) {
		bi_memmap_free(map);
		return err;
	}
	bi_memmap_sort(map);
	return 0;
}
