// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "files.h"

const char *fixture(const char *name)
{
	static char path[512];
	const char *srcdir = getenv("srcdir");

	snprintf(path, sizeof(path), "%s/tests/fixtures/%s",
		 srcdir ? srcdir : ".", name);
	return path;
}

uint8_t *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "re");
	uint8_t *data = NULL;
	long n;

	if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0) {
		rewind(f);
		data = malloc((size_t)n);
		*size = data ? fread(data, 1, (size_t)n, f) : 0;
	}
	if (f)
		fclose(f);
	return data;
}

int have_openat2(void)
{
	struct open_how how = { .flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC,
				.resolve = RESOLVE_IN_ROOT };
	long fd = syscall(SYS_openat2, AT_FDCWD, "/", &how, sizeof(how));

	if (fd < 0)
		return errno != ENOSYS;
	close((int)fd);
	return 1;
}
