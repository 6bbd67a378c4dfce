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

#define LOADER_GUID "4a67b082-0a4c-41cf-b6c7-440b29bb8c4f"
#define EFIVARS "sys/firmware/efi/efivars"

/* ROOT/sys/firmware/efi/efivars, malloc'd, or NULL. */
static char *efivars_dir(const struct bc_parse *p)
{
	return bc_join(*p->root ? p->root : "/", EFIVARS);
}

/* The variable's file name in that directory: NAME-GUID. */
static void var_file(char *file, size_t size, const char *name)
{
	snprintf(file, size, "%s-" LOADER_GUID, name);
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

int bc_efivar_get(struct bc_parse *p, const char *name, char **value)
{
	struct bc_error quiet, *keep = p->error;
	char file[256], *dir = efivars_dir(p), *path, *buf;
	size_t len;
	int err;

	*value = NULL;
	var_file(file, sizeof(file), name);
	path = dir ? bc_join(dir, file) : NULL;
	free(dir);
	if (!path)
		return -ENOMEM;
	p->error = &quiet;	/* unset is no error; the rest is said below */
	err = bc_read_file(p, path, &buf, &len);
	p->error = keep;
	if (!err) {
		if (len >= 6 && len % 2 == 0)
			*value = utf8_from_utf16((const uint8_t *)buf + 4,
						 len - 4);
		err = *value ? 0 : -EBADMSG;
		free(buf);
	}
	if (err && err != -ENOENT)
		bc_fail(p, path, 0, err, "%s: cannot read it: %s", name,
			err == -EBADMSG ? "not an EFI string variable" :
			strerror(-err));
	free(path);
	if (err)
		return err == -ENOENT ? 0 : err;
	if (!**value) {
		free(*value);
		*value = NULL;
		return 0;
	}
	return 1;
}

int bc_efivar_delete(struct bc_parse *p, const char *name)
{
	char file[256], *dir = efivars_dir(p);
	int dirfd, fd, flags, err = 0;

	if (!dir)
		return -ENOMEM;
	dirfd = bc_fs_open(p, dir, O_PATH | O_DIRECTORY);
	free(dir);
	if (dirfd < 0)
		return dirfd == -ENOENT ? 0 : dirfd;
	var_file(file, sizeof(file), name);
	fd = openat(dirfd, file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0 &&
	    (flags & FS_IMMUTABLE_FL)) {
		flags &= ~FS_IMMUTABLE_FL;
		if (ioctl(fd, FS_IOC_SETFLAGS, &flags) < 0)
			err = -errno;
	}
	if (fd >= 0)
		close(fd);
	if (!err && unlinkat(dirfd, file, 0) < 0 && errno != ENOENT)
		err = -errno;
	close(dirfd);
	return err;
}
