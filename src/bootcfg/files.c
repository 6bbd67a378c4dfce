// SPDX-License-Identifier: GPL-2.0-or-later
/* Reading files, resolving boot loader paths, recording errors. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"

int bc_fail(struct bc_parse *p, const char *file, unsigned line, int err,
	    const char *fmt, ...)
{
	va_list ap;

	snprintf(p->error->file, sizeof(p->error->file), "%s",
		 file ? file : "");
	p->error->line = line;
	va_start(ap, fmt);
	vsnprintf(p->error->cause, sizeof(p->error->cause), fmt, ap);
	va_end(ap);
	return err;
}

static const char *why(int err)
{
	switch (-err) {
	case ENOENT: return "no such file";
	case EACCES: return "cannot read it: permission denied";
	case EISDIR: return "is a directory, not a file";
	case ENXIO: return "not a regular file";
	case EFBIG: return "too large for a boot loader configuration";
	default: return strerror(-err);
	}
}

/*
 * Open PATH for reading if it is a regular file of at most MAX bytes; its
 * size in *SIZE.  A negative errno, recorded in P, if not.
 */
static int open_regular(struct bc_parse *p, const char *path,
			unsigned long long max, size_t *size)
{
	struct stat st;
	int fd, err = 0;

	if (!p->files)
		return bc_fail(p, path, 0, -ENOENT, "%s", why(-ENOENT));
	fd = bc_fs_open(p, path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return bc_fail(p, path, 0, fd, "%s", why(fd));
	if (fstat(fd, &st) < 0)
		err = -errno;
	else if (S_ISDIR(st.st_mode))
		err = -EISDIR;
	else if (!S_ISREG(st.st_mode))
		err = -ENXIO;
	else if ((unsigned long long)st.st_size > max)
		err = -EFBIG;
	if (err) {
		close(fd);
		return bc_fail(p, path, 0, err, "%s", why(err));
	}
	*size = (size_t)st.st_size;
	return fd;
}

int bc_read_file(struct bc_parse *p, const char *path, char **buf,
		 size_t *len)
{
	ssize_t got = 0;
	size_t done = 0, size;
	int fd, err = 0;
	char *data;

	*buf = NULL;
	*len = 0;
	fd = open_regular(p, path, BC_MAX_FILE, &size);
	if (fd < 0)
		return fd;
	err = bc_spend_file(p, path, size);
	if (err) {
		close(fd);
		return err;
	}
	data = malloc(size + 1);
	if (!data) {
		close(fd);
		return bc_fail(p, path, 0, -ENOMEM, "out of memory");
	}
	while (done < size) {
		got = read(fd, data + done, size - done);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		done += (size_t)got;
	}
	if (got < 0)
		err = -errno;
	close(fd);
	if (err) {
		free(data);
		return bc_fail(p, path, 0, err, "%s", why(err));
	}
	data[done] = '\0';
	*buf = data;
	*len = done;
	return 0;
}

int bc_map_file(struct bc_parse *p, const char *path,
		const unsigned char **map, size_t *len)
{
	void *data = NULL;
	size_t size;
	int fd, err = 0;

	*map = NULL;
	*len = 0;
	fd = open_regular(p, path, SIZE_MAX, &size);
	if (fd < 0)
		return fd;
	err = bc_spend_file(p, path, 0);	/* mapped, not read whole */
	if (err) {
		close(fd);
		return err;
	}
	if (size > 0) {
		data = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (data == MAP_FAILED)
			err = -errno;
	}
	close(fd);
	if (err)
		return bc_fail(p, path, 0, err, "%s", why(err));
	*map = data;
	*len = data ? size : 0;
	return 0;
}

void bc_unmap_file(const unsigned char *map, size_t len)
{
	if (map)
		munmap((void *)map, len);
}

int bc_check_text(struct bc_parse *p, const char *buf, size_t len)
{
	const char *nul = memchr(buf, '\0', len);
	unsigned line = 1;
	const char *c;

	if (!nul)
		return 0;
	for (c = buf; c < nul; c++)
		line += *c == '\n';
	return bc_syntax(p, line, "a NUL byte: not a text file");
}

/* Remove "." components and "x/.." pairs from an absolute PATH. */
static void normalize(char *path)
{
	char *r = path, *w = path;

	while (*r) {
		if (r[0] == '/' && r[1] == '.' && (r[2] == '/' || !r[2])) {
			r += 2;
		} else if (r[0] == '/' && r[1] == '.' && r[2] == '.' &&
			   (r[3] == '/' || !r[3]) && w > path) {
			while (w > path && *--w != '/')
				;
			r += 3;
		} else if (r[0] == '/' && r[1] == '/') {
			r++;
		} else {
			*w++ = *r++;
		}
	}
	if (w == path)
		*w++ = '/';
	*w = '\0';
}

char *bc_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir);
	char *s;

	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	while (*name == '/')
		name++;
	s = malloc(dl + strlen(name) + 2);
	if (s)
		sprintf(s, "%.*s/%s", (int)dl, dir, name);
	if (s && s[0] == '/')
		normalize(s);
	return s;
}

int bc_exists(const struct bc_parse *p, const char *host_path)
{
	return p->files && bc_fs_kind(p, host_path) >= 0;
}

/*
 * Candidates, the first that exists wins: BOOT/PATH (the boot partition
 * holds PATH), BOOT/REST for PATH "/boot/REST" (PATH is relative to the
 * root file system and /boot is mounted at BOOT), ROOT/PATH.  When none
 * exists: the second for "/boot/..." paths, else the first.
 */
char *bc_resolve(const struct bc_parse *p, const char *loader_path)
{
	const char *path = loader_path;
	const char *rest = NULL;
	char *cand[3] = { NULL, NULL, NULL };
	char *pick = NULL;
	int i;

	if (path[0] == '(') {		/* GRUB device: "(hd0,gpt2)/vmlinuz" */
		const char *close = strchr(path, ')');
		const struct bc_device *d = close ?
			bc_device_named(p->devices, path + 1,
					(size_t)(close - path - 1)) : NULL;

		if (d)			/* in the device map */
			return bc_join(d->dir, close + 1);
		if (close)
			path = close + 1;
	}
	if (strncmp(path, "/boot/", 6) == 0)
		rest = path + 5;
	cand[0] = bc_join(p->boot_dir, path);
	cand[1] = rest ? bc_join(p->boot_dir, rest) : NULL;
	cand[2] = bc_join(*p->root ? p->root : "/", path);
	if (!cand[0] || !cand[2] || (rest && !cand[1]))
		goto out;
	for (i = 0; i < 3 && !pick; i++)
		if (cand[i] && bc_exists(p, cand[i]))
			pick = cand[i];
	if (!pick)
		pick = rest ? cand[1] : cand[0];
	pick = strdup(pick);
out:
	for (i = 0; i < 3; i++)
		free(cand[i]);
	return pick;
}
