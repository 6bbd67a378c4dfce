// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The cache's bound: entries removed least recently used first, under an
 * exclusive flock(2) of the directory, so that two writers evicting at
 * once do not remove more than the bound asks.  A writer's temporary
 * file is removed only when no one holds its lock and it has not been
 * written for a minute: its writer died.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#include "kernel-cache.h"

#define TEMP_STALE_SECONDS 60

struct entry {
	char name[BI_CACHE_NAME_SIZE];
	uint64_t bytes;
	struct timespec used;
};

static int by_use(const void *a, const void *b)
{
	const struct timespec *x = &((const struct entry *)a)->used;
	const struct timespec *y = &((const struct entry *)b)->used;

	if (x->tv_sec != y->tv_sec)
		return x->tv_sec < y->tv_sec ? -1 : 1;
	return x->tv_nsec < y->tv_nsec ? -1 : x->tv_nsec > y->tv_nsec;
}

/* Remove the temporary file NAME if its writer is gone. */
static void remove_if_stale(int dirfd, const char *name,
			    const struct stat *st)
{
	int fd;

	if (time(NULL) - st->st_mtim.tv_sec < TEMP_STALE_SECONDS)
		return;
	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
	if (fd < 0)
		return;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		unlinkat(dirfd, name, 0);
	close(fd);
}

/* The entries of the cache, in *LIST; stale temporary files removed. */
static int list_entries(int dirfd, struct entry **list, size_t *n)
{
	struct entry *all = NULL, *grown;
	size_t count = 0, room = 0;
	struct dirent *d;
	struct stat st;
	DIR *dir;
	int fd = dup(dirfd);

	if (fd < 0)
		return -errno;
	dir = fdopendir(fd);
	if (!dir) {
		int err = -errno;

		close(fd);
		return err;
	}
	rewinddir(dir);
	while ((d = readdir(dir))) {
		if (fstatat(dirfd, d->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (bi_cache_is_temp_name(d->d_name))
			remove_if_stale(dirfd, d->d_name, &st);
		if (!bi_cache_is_entry_name(d->d_name))
			continue;
		if (count == room) {
			room = room ? 2 * room : 16;
			grown = realloc(all, room * sizeof(*all));
			if (!grown) {
				free(all);
				closedir(dir);
				return -ENOMEM;
			}
			all = grown;
		}
		memcpy(all[count].name, d->d_name, BI_CACHE_NAME_SIZE);
		all[count].bytes = (uint64_t)st.st_size;
		all[count].used = st.st_mtim;
		count++;
	}
	closedir(dir);
	*list = all;
	*n = count;
	return 0;
}

int bi_cache_evict(struct bi_kernel_cache *cache, uint64_t bound)
{
	struct entry *list = NULL;
	uint64_t total = 0;
	size_t n = 0, i;
	int err, removed = 0;

	if (flock(cache->dirfd, LOCK_EX) < 0)
		return -errno;
	err = list_entries(cache->dirfd, &list, &n);
	if (err < 0)
		goto out;
	if (n > 1)	/* an empty cache has no list at all */
		qsort(list, n, sizeof(*list), by_use);
	for (i = 0; i < n; i++)
		total += list[i].bytes;
	for (i = 0; i < n && (total > bound || bound == 0); i++) {
		if (unlinkat(cache->dirfd, list[i].name, 0) < 0)
			continue;
		total -= list[i].bytes;
		removed++;
		bi_log(cache->ctx, LOG_INFO, "kernel cache: %s, %s/%s "
		       "(%llu bytes)", bound ? "evicted" : "removed",
		       cache->dir, list[i].name,
		       (unsigned long long)list[i].bytes);
	}
	free(list);
	err = removed;
out:
	flock(cache->dirfd, LOCK_UN);
	return err;
}
