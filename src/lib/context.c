// SPDX-License-Identifier: GPL-2.0-or-later
/* The library context: where to find /sys and /proc. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "array.h"
#include "internal.h"
#include "method-names.h"

#define READ_CHUNK 16384	/* bytes read at a time, at least */

int bootimg_new(struct bootimg **out)
{
	struct bootimg *ctx;
	const char *root = secure_getenv("BOOTIMG_SYSROOT");
	int err;

	if (!root)
		root = "";
	if (*root && *root != '/')
		return -EINVAL;
	ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return -ENOMEM;
	err = bi_set_sysroot(ctx, root);
	if (err < 0) {
		free(ctx);
		return err;
	}
	*out = ctx;
	return 0;
}

void bootimg_free(struct bootimg *ctx)
{
	if (!ctx)
		return;
	free(ctx->sysroot);
	bi_clear_error(ctx);
	free(ctx->text.cmdline);
	free(ctx);
}

int bi_set_sysroot(struct bootimg *ctx, const char *root)
{
	char *copy = strdup(root);

	if (!copy)
		return -ENOMEM;
	free(ctx->sysroot);
	ctx->sysroot = copy;
	return 0;
}

int bi_sysroot_path(const struct bootimg *ctx, const char *path,
		    char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s%s", ctx->sysroot, path);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

int bi_read_sysfile(const struct bootimg *ctx, const char *path,
		    char *buf, size_t size)
{
	char full[4096];
	ssize_t n;
	int fd, err;

	err = bi_sysroot_path(ctx, path, full, sizeof(full));
	if (err < 0)
		return err;
	fd = open(full, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, size - 1);
	err = n < 0 ? -errno : 0;
	close(fd);
	if (err < 0)
		return err;
	buf[n] = '\0';
	return (int)n;
}

int bi_read_u64(const struct bootimg *ctx, const char *path, uint64_t *value)
{
	char buf[32];
	int err = bi_read_sysfile(ctx, path, buf, sizeof(buf));

	if (err < 0)
		return err;
	*value = strtoull(buf, NULL, 0);
	return 0;
}

int bi_write_all(int fd, const void *data, size_t size)
{
	const uint8_t *p = data;

	while (size) {
		ssize_t n = write(fd, p, size);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		size -= (size_t)n;
	}
	return 0;
}

int bi_read_whole(const struct bootimg *ctx, const char *path, char **buf,
		  size_t *len)
{
	char full[4096], *data = NULL;
	size_t size = 0, used = 0;
	ssize_t n;
	int fd, err = bi_sysroot_path(ctx, path, full, sizeof(full));

	if (err < 0)
		return err;
	fd = open(full, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	do {
		err = array_reserve(&data, &size, used + READ_CHUNK, 1);
		if (err < 0)
			break;
		n = read(fd, data + used, size - used);
		if (n < 0 && errno != EINTR)
			err = -errno;
		if (n > 0)
			used += (size_t)n;
	} while (err == 0 && n != 0);
	close(fd);
	if (err < 0) {
		free(data);
		return err;
	}
	*buf = data;
	*len = used;
	return 0;
}

int bi_next_line(const char **pos, const char *end, char *line, size_t size)
{
	const char *nl;
	size_t n;

	if (*pos >= end)
		return 0;
	nl = memchr(*pos, '\n', (size_t)(end - *pos));
	n = (size_t)((nl ? nl : end) - *pos);
	if (n >= size)
		n = size - 1;
	memcpy(line, *pos, n);
	line[n] = '\0';
	*pos = nl ? nl + 1 : end;
	return 1;
}

const char *bootimg_method_name(enum bootimg_method method)
{
	return method_name(method);
}
