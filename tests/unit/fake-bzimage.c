// SPDX-License-Identifier: GPL-2.0-or-later
#include <asm/bootparam.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fake-bzimage.h"

#define SETUP_END ((FAKE_SETUP_SECTS + 1) * 512)
#define VERSION_AT 0x400	/* inside the setup code */

size_t fake_bzimage_size(void)
{
	return SETUP_END + FAKE_PAYLOAD_SIZE;
}

void fake_bzimage(uint8_t *buf)
{
	struct setup_header hdr = {
		.setup_sects = FAKE_SETUP_SECTS,
		.syssize = FAKE_PAYLOAD_SIZE / 16,
		.boot_flag = 0xaa55,
		.jump = 0x66eb,		/* jmp to 0x268, the end of 2.15 */
		.header = 0x53726448,
		.version = 0x020f,
		.kernel_version = VERSION_AT - 0x200,
		.loadflags = LOADED_HIGH,
		.code32_start = 0x100000,
		.initrd_addr_max = 0x7fffffff,
		.kernel_alignment = 0x200000,
		.relocatable_kernel = 1,
		.min_alignment = 21,
		.xloadflags = XLF_KERNEL_64 | XLF_CAN_BE_LOADED_ABOVE_4G,
		.cmdline_size = FAKE_CMDLINE_SIZE,
		.pref_address = FAKE_PREF_ADDRESS,
		.init_size = FAKE_INIT_SIZE,
	};
	size_t i;

	memset(buf, 0, SETUP_END);
	buf[0] = 'M';
	buf[1] = 'Z';
	memcpy(buf + 0x1f1, &hdr, sizeof(hdr));
	memcpy(buf + VERSION_AT, FAKE_VERSION, sizeof(FAKE_VERSION));
	for (i = 0; i < FAKE_PAYLOAD_SIZE; i++)
		buf[SETUP_END + i] = (uint8_t)(i * 7 + 3);
}

const char *temp_dir(void)
{
	static char dir[256];

	if (!dir[0]) {
		const char *base = getenv("TMPDIR");

		snprintf(dir, sizeof(dir), "%s/bootimg-test-XXXXXX",
			 base ? base : "/tmp");
		if (!mkdtemp(dir)) {
			perror("mkdtemp");
			exit(99);
		}
	}
	return dir;
}

const char *write_temp(const char *name, const void *buf, size_t size)
{
	static char paths[8][512];
	static unsigned next;
	char *path = paths[next++ % 8];
	FILE *f;

	snprintf(path, sizeof(paths[0]), "%s/%s", temp_dir(), name);
	f = fopen(path, "we");
	if (!f || fwrite(buf, 1, size, f) != size || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

void temp_cleanup(void)
{
	const char *dir = temp_dir();
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", dir);
}
