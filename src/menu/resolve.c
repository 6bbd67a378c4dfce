// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A file named by a configuration, as its boot loader sees it: symbolic
 * links followed inside the file system that holds it (an absolute
 * /vmlinuz -> /boot/vmlinuz-6.1 stays on that disk, as in GRUB), never
 * out of it ("..", or a link to the first stage's own files).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "bootcfg.h"
#include "entries.h"

char *resolve_in(const char *dir, const char *path)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	size_t n = strlen(dir);
	char link[64], real[PATH_MAX];
	int dirfd, fd, err;
	ssize_t len;

	if (strncmp(path, dir, n) || path[n] != '/') {
		errno = EXDEV;
		return NULL;
	}
	dirfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0)
		return NULL;
	fd = (int)syscall(SYS_openat2, dirfd, path + n + 1, &how, sizeof(how));
	err = errno;
	close(dirfd);
	if (fd < 0) {
		errno = err;
		return NULL;
	}
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	len = readlink(link, real, sizeof(real) - 1);
	err = errno;
	close(fd);
	if (len < 0) {
		errno = err;
		return NULL;
	}
	real[len] = '\0';
	return strdup(real);
}

/* PATH resolved on the device that holds it; as it is on none. */
static int resolve_one(const struct menu_devices *all, const char *path,
		       char **out)
{
	const struct menu_device *d = device_holding(all, path);

	*out = d ? resolve_in(d->dir, path) : NULL;
	if (!*out && d && errno != ENOSYS)
		return errno == ENOMEM ? -ENOMEM : -errno;
	if (!*out)		/* on no device, or no openat2: as it is */
		*out = strdup(path);
	return *out ? 0 : -ENOMEM;
}

int resolve_entry(const struct menu_devices *all,
		  const struct bootcfg_entry *e, struct resolved *r,
		  const char **bad)
{
	size_t i;
	int err;

	*r = (struct resolved){ .e = *e };
	r->initrds = calloc(e->n_initrds + 1, sizeof(*r->initrds));
	if (!r->initrds)
		return -ENOMEM;
	*bad = e->kernel;
	err = resolve_one(all, e->kernel, &r->kernel);
	for (i = 0; !err && i < e->n_initrds; i++) {
		*bad = e->initrds[i];
		err = resolve_one(all, e->initrds[i], &r->initrds[i]);
	}
	r->e.kernel = r->kernel;
	r->e.initrds = (const char *const *)r->initrds;
	return err;
}

void resolved_free(struct resolved *r)
{
	size_t i;

	for (i = 0; r->initrds && i < r->e.n_initrds; i++)
		free(r->initrds[i]);
	free(r->initrds);
	free(r->kernel);
}
