// SPDX-License-Identifier: GPL-2.0-or-later
#include <fcntl.h>
#include <linux/fs.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "efivar.h"
#include "internal.h"

#define LOADER_GUID "4a67b082-0a4c-41cf-b6c7-440b29bb8c4f"
#define EFIVARS "/sys/firmware/efi/efivars/"
#define VALUE_MAX 4096	/* an entry id; far more than any */

static char *var_path(const char *root, const char *name)
{
	size_t size = strlen(root) + sizeof(EFIVARS) + strlen(name) +
		      sizeof(LOADER_GUID) + 1;
	char *path = malloc(size);

	if (path)
		snprintf(path, size, "%s" EFIVARS "%s-" LOADER_GUID, root,
			 name);
	return path;
}

/* UTF-16LE (BMP only) up to its NUL, as UTF-8; NULL if malformed. */
static char *utf8_from_utf16(const uint8_t *in, size_t len)
{
	char *out = malloc(len / 2 * 3 + 1), *w = out;
	size_t i;

	if (!out)
		return NULL;
	for (i = 0; i + 1 < len; i += 2) {
		unsigned c = in[i] | (unsigned)in[i + 1] << 8;

		if (!c) {
			*w = '\0';
			return out;
		}
		if (c >= 0xd800 && c < 0xe000)
			break;	/* surrogates: not in an entry id */
		if (c < 0x80) {
			*w++ = (char)c;
		} else if (c < 0x800) {
			*w++ = (char)(0xc0 | c >> 6);
			*w++ = (char)(0x80 | (c & 0x3f));
		} else {
			*w++ = (char)(0xe0 | c >> 12);
			*w++ = (char)(0x80 | (c >> 6 & 0x3f));
			*w++ = (char)(0x80 | (c & 0x3f));
		}
	}
	free(out);
	return NULL;	/* no NUL, or a surrogate */
}

int bc_efivar_get(const char *root, const char *name, char **value)
{
	char *path = var_path(root, name);
	uint8_t buf[VALUE_MAX];
	ssize_t got;
	int fd;

	*value = NULL;
	if (!path)
		return -ENOMEM;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return errno == ENOENT ? 0 : -errno;
	got = read(fd, buf, sizeof(buf));
	close(fd);
	if (got < 0)
		return -errno;
	if (got < 6 || got % 2)
		return -EBADMSG;
	*value = utf8_from_utf16(buf + 4, (size_t)got - 4);
	return *value ? 1 : -EBADMSG;
}

int bc_efivar_delete(const char *root, const char *name)
{
	char *path = var_path(root, name);
	int fd, flags, err = 0;

	if (!path)
		return -ENOMEM;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0 &&
	    (flags & FS_IMMUTABLE_FL)) {
		flags &= ~FS_IMMUTABLE_FL;
		if (ioctl(fd, FS_IOC_SETFLAGS, &flags) < 0)
			err = -errno;
	}
	if (fd >= 0)
		close(fd);
	if (!err && unlink(path) < 0 && errno != ENOENT)
		err = -errno;
	free(path);
	return err;
}
