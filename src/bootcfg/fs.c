// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Where a parse reads files from.  On the host, a path below --root (or
 * below the boot directory, when that is elsewhere) is resolved as if
 * that directory were "/": openat2(RESOLVE_IN_ROOT), so that neither
 * ".." nor a symlink in the configuration leads out of it.  Kernels
 * without openat2 (before Linux 5.6) open the path as it is: there,
 * --root is no confinement, as mkbootcmd(8) says.
 */
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "internal.h"

/* The length of DIR if PATH is DIR or below it, else 0. */
static size_t below(const char *dir, const char *path)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 1 && dir[0] == '/')
		return path[0] == '/';
	if (!n || strncmp(dir, path, n) || (path[n] && path[n] != '/'))
		return 0;
	return n;
}

static int open_in(const char *dir, size_t dir_len, const char *rel,
		   int flags)
{
	struct open_how how = {
		.flags = (unsigned)flags,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	char *top = bc_strndup(dir, dir_len);
	int dirfd, fd, err;

	if (!top)
		return -ENOMEM;
	dirfd = open(top, O_PATH | O_DIRECTORY | O_CLOEXEC);
	err = -errno;
	free(top);
	if (dirfd < 0)
		return err;
	fd = (int)syscall(SYS_openat2, dirfd, rel, &how, sizeof(how));
	if (fd < 0 && errno == ENOSYS)
		fd = openat(dirfd, rel, flags);	/* no confinement */
	err = -errno;
	close(dirfd);
	return fd < 0 ? err : fd;
}

static int open_host(const struct bc_parse *p, const char *path, int flags)
{
	const char *top = p->root;
	size_t n = *top ? below(top, path) : 0;
	int fd;

	if (!n && *top && below(p->boot_dir, path)) {
		top = p->boot_dir;
		n = below(top, path);
	}
	if (n) {
		path += n;
		path += strspn(path, "/");
		return open_in(top, n, *path ? path : ".", flags);
	}
	fd = open(path, flags);
	return fd < 0 ? -errno : fd;
}

int bc_fs_open(const struct bc_parse *p, const char *path, int flags)
{
	if (!p->files)
		return -ENOENT;
	return open_host(p, path, flags | O_CLOEXEC);
}

int bc_fs_kind(const struct bc_parse *p, const char *path)
{
	struct stat st;
	int fd, err;

	if (!p->files)
		return -ENOENT;
	fd = open_host(p, path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return fd;
	err = fstat(fd, &st) < 0 ? -errno : (int)(st.st_mode & S_IFMT);
	close(fd);
	return err;
}

int bc_fs_list(const struct bc_parse *p, const char *dir,
	       int (*each)(void *ctx, const char *name), void *ctx)
{
	struct dirent *de;
	DIR *d;
	int fd, err = 0;

	if (!p->files)
		return -ENOENT;
	fd = open_host(p, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return fd;
	d = fdopendir(fd);
	if (!d) {
		err = -errno;
		close(fd);
		return err;
	}
	while (!err && (de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			err = each(ctx, de->d_name);
	closedir(d);
	return err;
}
