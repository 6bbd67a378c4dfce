// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One entry of the cache of unpacked kernels: a page of header, then the
 * payload.  The payload's digest is bi_checksum64(), which guards against
 * accidental damage (a torn write, a bad block) at a fraction of
 * SHA-256's cost on every load; the directory's mode keeps others out
 * (checksum64.h says why that is enough).  The entry's name, the
 * bzImage's SHA-256, is repeated in the header, so that a file renamed
 * by hand is not taken for another kernel's.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include "checksum64.h"
#include "kernel-cache.h"

#define ENTRY_MAGIC "BIKCACHE"
#define ENTRY_VERSION 1		/* of the header and of what is cached */
#define ENTRY_HEADER_SIZE 4096u	/* the payload starts a page in */
#define TEMP_PREFIX ".tmp-"

struct entry_header {
	char magic[8];
	uint32_t version;
	uint32_t header_size;
	uint8_t source[BI_CACHE_KEY_SIZE];	/* the bzImage's SHA-256 */
	uint64_t payload_size;
	uint64_t payload_sum;		/* bi_checksum64() of it */
};

uint64_t bi_cache_entry_bytes(size_t size)
{
	return ENTRY_HEADER_SIZE + (uint64_t)size;
}

int bi_cache_is_entry_name(const char *name)
{
	size_t n = strspn(name, "0123456789abcdef");

	return n == 2 * BI_CACHE_KEY_SIZE && name[n] == '\0';
}

int bi_cache_is_temp_name(const char *name)
{
	return strncmp(name, TEMP_PREFIX, strlen(TEMP_PREFIX)) == 0;
}

/*
 * A new temporary file in DIRFD, locked while it is written, so that
 * bi_cache_evict() leaves it alone; its name into NAME.
 */
static int create_temp(int dirfd, char *name, size_t size)
{
	uint64_t r;
	int fd, tries;

	for (tries = 0; tries < 16; tries++) {
		if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != sizeof(r))
			r = ((uint64_t)getpid() << 32) ^ (uint64_t)tries;
		snprintf(name, size, TEMP_PREFIX "%016llx",
			 (unsigned long long)r);
		fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL |
			    O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0) {
			int err = flock(fd, LOCK_EX) == 0 ? 0 : -errno;

			if (err == 0)
				return fd;
			close(fd);
			unlinkat(dirfd, name, 0);
			return err;
		}
		if (errno != EEXIST)
			return -errno;
	}
	return -EEXIST;
}

int bi_cache_entry_write(int dirfd, const char *name,
			 const uint8_t key[BI_CACHE_KEY_SIZE],
			 const uint8_t *payload, size_t size)
{
	static const uint8_t zero[ENTRY_HEADER_SIZE];
	struct entry_header h = {
		.magic = ENTRY_MAGIC, .version = ENTRY_VERSION,
		.header_size = ENTRY_HEADER_SIZE, .payload_size = size,
		.payload_sum = bi_checksum64(payload, size),
	};
	char temp[32];
	int fd, err;

	memcpy(h.source, key, sizeof(h.source));
	fd = create_temp(dirfd, temp, sizeof(temp));
	if (fd < 0)
		return fd;
	err = bi_write_all(fd, &h, sizeof(h));
	if (err == 0)
		err = bi_write_all(fd, zero, ENTRY_HEADER_SIZE - sizeof(h));
	if (err == 0)
		err = bi_write_all(fd, payload, size);
	if (err == 0 && fsync(fd) < 0)
		err = -errno;
	if (err == 0 && renameat(dirfd, temp, dirfd, name) < 0)
		err = -errno;
	if (err < 0)
		unlinkat(dirfd, temp, 0);
	close(fd);
	return err;
}

static const char *check_header(const struct entry_header *h,
				const uint8_t key[BI_CACHE_KEY_SIZE],
				uint64_t file_size)
{
	if (memcmp(h->magic, ENTRY_MAGIC, sizeof(h->magic)) != 0)
		return "not a cache entry";
	if (h->version != ENTRY_VERSION ||
	    h->header_size != ENTRY_HEADER_SIZE)
		return "another format version";
	if (memcmp(h->source, key, sizeof(h->source)) != 0)
		return "made from another image";
	if (file_size - ENTRY_HEADER_SIZE < h->payload_size)
		return "truncated";
	if (file_size - ENTRY_HEADER_SIZE > h->payload_size)
		return "longer than its header says";
	return NULL;
}

void bi_cache_payload_free(struct bi_cache_payload *payload)
{
	if (payload->map)
		munmap(payload->map, payload->map_size);
	payload->map = NULL;
}

/*
 * Map the whole file FD privately, read-only and populated at once: the
 * pages stay the page cache's, none copied, since purgatory, not user
 * space, relocates the kernel.
 */
static int map_entry(int fd, size_t size, struct bi_cache_payload *payload)
{
	void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
			 fd, 0);

	if (map == MAP_FAILED)
		return -errno;
	payload->map = map;
	payload->map_size = size;
	payload->data = (uint8_t *)map + ENTRY_HEADER_SIZE;
	payload->size = size - ENTRY_HEADER_SIZE;
	return 0;
}

/* The payload of the open entry FD, checked against its header. */
static int read_entry(int fd, const uint8_t key[BI_CACHE_KEY_SIZE],
		      struct bi_cache_payload *payload, const char **why)
{
	const struct entry_header *h;
	struct stat st;
	int err;

	if (fstat(fd, &st) < 0)
		return -errno;
	*why = "truncated";
	if (!S_ISREG(st.st_mode)) {
		*why = "not a regular file";
		return -EBADMSG;
	}
	if ((uint64_t)st.st_size <= ENTRY_HEADER_SIZE ||
	    (uint64_t)st.st_size > SIZE_MAX)
		return -EBADMSG;
	err = map_entry(fd, (size_t)st.st_size, payload);
	if (err < 0)
		return err;
	h = payload->map;
	*why = check_header(h, key, (uint64_t)st.st_size);
	if (!*why && bi_checksum64(payload->data, payload->size) !=
		     h->payload_sum)
		*why = "its checksum does not match";
	if (*why) {
		bi_cache_payload_free(payload);
		return -EBADMSG;
	}
	return 0;
}

int bi_cache_entry_read(int dirfd, const char *name,
			const uint8_t key[BI_CACHE_KEY_SIZE],
			struct bi_cache_payload *payload, const char **why)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
			O_CLOEXEC);
	int err;

	if (fd < 0) {
		*why = "not a regular file";
		return errno == ELOOP ? -EBADMSG : -errno;
	}
	err = read_entry(fd, key, payload, why);
	if (err == 0)
		futimens(fd, NULL);	/* used now: evicted last */
	close(fd);
	return err;
}
