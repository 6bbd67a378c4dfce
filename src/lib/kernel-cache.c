// SPDX-License-Identifier: GPL-2.0-or-later
/* The cache of unpacked kernels: its directory, lookups and writes. */
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>
#include "kernel-cache.h"

void bi_cache_key(const void *data, size_t size,
		  uint8_t key[BI_CACHE_KEY_SIZE])
{
	struct sha256_ctx sha;

	sha256_init(&sha);
	sha256_update(&sha, size, data);
	sha256_digest(&sha, BI_CACHE_KEY_SIZE, key);
}

void bi_cache_name(const uint8_t key[BI_CACHE_KEY_SIZE],
		   char name[BI_CACHE_NAME_SIZE])
{
	size_t i;

	for (i = 0; i < BI_CACHE_KEY_SIZE; i++)
		snprintf(name + 2 * i, 3, "%02x", key[i]);
}

int bi_cache_dir(const struct bootimg *ctx, char *buf, size_t size)
{
	return bi_sysroot_path(ctx, BI_CACHE_DIR, buf, size);
}

/* mkdir -p PATH, the last one with MODE. */
static int make_dirs(char *path, mode_t mode)
{
	char *slash = path;

	while ((slash = strchr(slash + 1, '/'))) {
		*slash = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST) {
			*slash = '/';
			return -errno;
		}
		*slash = '/';
	}
	return mkdir(path, mode) < 0 && errno != EEXIST ? -errno : 0;
}

int bi_cache_open(struct bootimg *ctx, uint64_t bound, int create,
		  struct bi_kernel_cache *cache)
{
	struct stat st;
	int err;

	*cache = (struct bi_kernel_cache){
		.ctx = ctx, .dirfd = -1,
		.bound = bound ? bound : BI_CACHE_DEFAULT_BOUND,
	};
	err = bi_cache_dir(ctx, cache->dir, sizeof(cache->dir));
	if (err == 0 && create)
		err = make_dirs(cache->dir, 0700);
	if (err < 0)
		return err;
	cache->dirfd = open(cache->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			    O_CLOEXEC);
	if (cache->dirfd < 0)
		return errno == ELOOP ? -EPERM : -errno;
	if (fstat(cache->dirfd, &st) < 0)
		err = -errno;
	else if (st.st_uid != geteuid() || (st.st_mode & 077))
		err = -EPERM;	/* what others may write, never booted */
	if (err < 0)
		bi_cache_close(cache);
	return err;
}

void bi_cache_close(struct bi_kernel_cache *cache)
{
	if (cache->dirfd >= 0)
		close(cache->dirfd);
	cache->dirfd = -1;
}

void bi_cache_drop(struct bi_kernel_cache *cache,
		   const uint8_t key[BI_CACHE_KEY_SIZE], const char *why)
{
	char name[BI_CACHE_NAME_SIZE];

	bi_cache_name(key, name);
	unlinkat(cache->dirfd, name, 0);
	bi_log(cache->ctx, LOG_INFO, "kernel cache: %s/%s: damaged (%s): "
	       "removed", cache->dir, name, why);
}

int bi_cache_get(struct bi_kernel_cache *cache,
		 const uint8_t key[BI_CACHE_KEY_SIZE],
		 struct bi_cache_payload *payload)
{
	char name[BI_CACHE_NAME_SIZE];
	const char *why = NULL;
	int err;

	bi_cache_name(key, name);
	err = bi_cache_entry_read(cache->dirfd, name, key, payload, &why);
	if (err == -EBADMSG) {
		bi_cache_drop(cache, key, why);
		err = -ENOENT;
	}
	if (err == 0)
		bi_log(cache->ctx, LOG_INFO, "kernel cache: hit, %s/%s "
		       "(%zu bytes)", cache->dir, name, payload->size);
	else if (err == -ENOENT)
		bi_log(cache->ctx, LOG_INFO, "kernel cache: miss, %s/%s",
		       cache->dir, name);
	return err;
}

int bi_cache_put(struct bi_kernel_cache *cache,
		 const uint8_t key[BI_CACHE_KEY_SIZE], const uint8_t *payload,
		 size_t size)
{
	char name[BI_CACHE_NAME_SIZE];
	int err;

	if (bi_cache_entry_bytes(size) > cache->bound)
		return -EFBIG;
	bi_cache_name(key, name);
	err = bi_cache_entry_write(cache->dirfd, name, key, payload, size);
	if (err < 0)
		return err;
	bi_log(cache->ctx, LOG_INFO, "kernel cache: written, %s/%s "
	       "(%zu bytes)", cache->dir, name, size);
	err = bi_cache_evict(cache, cache->bound);
	return err < 0 ? err : 0;
}
