// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Where a parse reads files from.  On the host, a path below --root (or
 * below the boot directory, when that is elsewhere) is resolved as if
 * that directory were "/": openat2(RESOLVE_IN_ROOT), so that neither
 * ".." nor a symlink in the configuration leads out of it.  Kernels
 * without openat2 (before Linux 5.6) open the path as it is: there,
 * --root is no confinement, as mkbootcmd(8) says.  For the fuzzers, a
 * table of files in memory stands for the file system instead, and the
 * host's is never touched.
 */
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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

/* The file at PATH in the table, or NULL. */
static const struct bc_file *find(const struct bc_file_table *t,
				  const char *path)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].path, path))
			return &t->v[i];
	return NULL;
}

/* Does the table hold a file below DIR? */
static int is_table_dir(const struct bc_file_table *t, const char *dir)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (below(dir, t->v[i].path) && strcmp(dir, t->v[i].path))
			return 1;
	return 0;
}

/* A table file as a file descriptor (a memfd), as open(2) gives. */
static int open_table(const struct bc_file_table *t, const char *path)
{
	const struct bc_file *f = find(t, path);
	size_t done = 0;
	int fd;

	if (!f)
		return is_table_dir(t, path) ? -EISDIR : -ENOENT;
	fd = memfd_create("bootcfg", MFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	while (done < f->len) {
		ssize_t got = write(fd, f->data + done, f->len - done);

		if (got <= 0) {
			close(fd);
			return -ENOMEM;
		}
		done += (size_t)got;
	}
	lseek(fd, 0, SEEK_SET);
	return fd;
}

int bc_fs_open(const struct bc_parse *p, const char *path, int flags)
{
	if (!p->files)
		return -ENOENT;
	if (p->table)
		return open_table(p->table, path);
	return open_host(p, path, flags | O_CLOEXEC);
}

int bc_fs_kind(const struct bc_parse *p, const char *path)
{
	struct stat st;
	int fd, err;

	if (!p->files)
		return -ENOENT;
	if (p->table)
		return find(p->table, path) ? S_IFREG :
		       is_table_dir(p->table, path) ? S_IFDIR : -ENOENT;
	fd = open_host(p, path, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return fd;
	err = fstat(fd, &st) < 0 ? -errno : (int)(st.st_mode & S_IFMT);
	close(fd);
	return err;
}

static int list_table(const struct bc_file_table *t, const char *dir,
		      int (*each)(void *ctx, const char *name), void *ctx)
{
	size_t i, n;
	int err = 0;

	for (i = 0; !err && i < t->n; i++) {
		const char *name = t->v[i].path;

		n = below(dir, name);
		if (!n)
			continue;
		name += n;
		name += strspn(name, "/");
		if (*name && !strchr(name, '/'))
			err = each(ctx, name);
	}
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
	if (p->table)
		return list_table(p->table, dir, each, ctx);
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
