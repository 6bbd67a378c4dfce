/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cache of unpacked kernels: fast boot's vmlinux (with its relocation
 * table, before any relocation, so that KASLR stays random at each load)
 * kept in LOCALSTATEDIR/cache/bootimg, one file per bzImage, named by the
 * SHA-256 of the bzImage in hex.
 *
 * An entry is a header (kernel-cache-entry.c) and the payload.  It is
 * written to a temporary file in the same directory, synced and renamed
 * into place, so that readers see a whole entry or none, and verified
 * when read: a damaged one is removed.  The directory, mode 0700 and
 * owned by the caller, is bounded in size: after a write, the entries
 * least recently used (their mtime, set at each use) go first, under an
 * flock(2) of the directory.  A cache failure never fails a load: it is
 * logged, and the kernel is unpacked as without a cache.
 */
#ifndef BOOTIMG_KERNEL_CACHE_H
#define BOOTIMG_KERNEL_CACHE_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include "internal.h"

#define BI_CACHE_DIR LOCALSTATEDIR "/cache/bootimg"
#define BI_CACHE_DEFAULT_BOUND (256ull * BI_MIB)
#define BI_CACHE_KEY_SIZE 32		/* SHA-256 */
#define BI_CACHE_NAME_SIZE (2 * BI_CACHE_KEY_SIZE + 1)

struct bi_kernel_cache {
	struct bootimg *ctx;		/* where its lines are logged */
	int dirfd;
	uint64_t bound;			/* bytes */
	char dir[PATH_MAX];		/* for those lines */
};

/*
 * An entry's payload as read: mapped from the file, private and
 * writable (only the pages written are copied).
 */
struct bi_cache_payload {
	uint8_t *data;
	size_t size;
	void *map;			/* the mapping, to munmap */
	size_t map_size;
};

void bi_cache_payload_free(struct bi_cache_payload *payload);

/* The SHA-256 of DATA, and its name as an entry's. */
void bi_cache_key(const void *data, size_t size,
		  uint8_t key[BI_CACHE_KEY_SIZE]);
void bi_cache_name(const uint8_t key[BI_CACHE_KEY_SIZE],
		   char name[BI_CACHE_NAME_SIZE]);

/* The cache's directory below CTX's sysroot, into BUF. */
int bi_cache_dir(const struct bootimg *ctx, char *buf, size_t size);

/*
 * Open CTX's cache, bounded to BOUND bytes (0: the default); with CREATE,
 * make the directory (mode 0700) if it is missing.  -ENOENT: there is
 * none; -EPERM: it is not the caller's own, or others may read it.
 */
int bi_cache_open(struct bootimg *ctx, uint64_t bound, int create,
		  struct bi_kernel_cache *cache);
void bi_cache_close(struct bi_kernel_cache *cache);

/*
 * The payload of KEY's entry: 0, a hit, logged, the entry's mtime set to
 * now; -ENOENT, a miss (a damaged entry is logged and removed first);
 * another errno if it cannot be read.
 */
int bi_cache_get(struct bi_kernel_cache *cache,
		 const uint8_t key[BI_CACHE_KEY_SIZE],
		 struct bi_cache_payload *payload);

/*
 * Write KEY's entry with PAYLOAD, then evict the least recently used
 * entries past the bound; each step logged.  -EFBIG: PAYLOAD alone is
 * larger than the bound, nothing is written.
 */
int bi_cache_put(struct bi_kernel_cache *cache,
		 const uint8_t key[BI_CACHE_KEY_SIZE], const uint8_t *payload,
		 size_t size);

/* Remove KEY's entry (a payload found damaged after the checks). */
void bi_cache_drop(struct bi_kernel_cache *cache,
		   const uint8_t key[BI_CACHE_KEY_SIZE], const char *why);

/*
 * Under the directory's lock, remove entries, oldest first, until they
 * hold BOUND bytes or less (0: every one), and the temporary files of
 * writers that died; the number of entries removed.
 */
int bi_cache_evict(struct bi_kernel_cache *cache, uint64_t bound);

/* The entry files: a header, then the payload (kernel-cache-entry.c). */
int bi_cache_entry_write(int dirfd, const char *name,
			 const uint8_t key[BI_CACHE_KEY_SIZE],
			 const uint8_t *payload, size_t size);
/*
 * -ENOENT: no such entry; -EBADMSG: damaged, *WHY says how; 0: PAYLOAD
 * holds its payload, and its mtime is now.
 */
int bi_cache_entry_read(int dirfd, const char *name,
			const uint8_t key[BI_CACHE_KEY_SIZE],
			struct bi_cache_payload *payload, const char **why);
/* Bytes an entry of a SIZE-byte payload takes. */
uint64_t bi_cache_entry_bytes(size_t size);
/* NAME is an entry's (64 hex digits); a writer's temporary file's. */
int bi_cache_is_entry_name(const char *name);
int bi_cache_is_temp_name(const char *name);

#endif
