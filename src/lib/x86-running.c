// SPDX-License-Identifier: GPL-2.0-or-later
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"
#include "x86-running.h"

#define RUNNING_PARAMS "/sys/kernel/boot_params/data"

/* Only the fields up to efi_info are needed: screen_info, efi_info. */
#define NEEDED (offsetof(struct boot_params, efi_info) + \
		sizeof(struct efi_info))

int bi_x86_read_running_params(struct bootimg *ctx, struct boot_params *bp)
{
	char path[4096];
	size_t got = 0;
	ssize_t n = 1;
	int fd, err;

	memset(bp, 0, sizeof(*bp));
	err = bi_sysroot_path(ctx, RUNNING_PARAMS, path, sizeof(path));
	if (err < 0)
		return err;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while (got < sizeof(*bp) && n > 0) {
		n = read(fd, (char *)bp + got, sizeof(*bp) - got);
		if (n > 0)
			got += (size_t)n;
	}
	err = n < 0 ? -errno : 0;
	close(fd);
	if (err == 0 && got < NEEDED)
		err = -EINVAL;
	return err;
}
