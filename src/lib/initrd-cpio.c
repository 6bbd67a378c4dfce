// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The newc format, as the kernel's initramfs unpacker reads it: for each
 * entry a 110-byte header ("070701" and 13 fields of 8 hex digits), the
 * name with its NUL, padded to 4 bytes, then the data, padded to 4 bytes;
 * "TRAILER!!!" ends the archive.  Owner root and mtime 0 make the archive
 * depend on the files' contents only.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "initrd-cpio.h"
#include "internal.h"

#define HEADER_SIZE 110u
#define TRAILER "TRAILER!!!"

/* The name in the archive: relative to the root. */
static const char *archive_name(const char *dest)
{
	return *dest == '/' ? dest + 1 : dest;
}

int bootimg_check_initrd_dest(const char *dest)
{
	const char *s = archive_name(dest);
	size_t len;

	if (strlen(dest) >= PATH_MAX)
		return -EINVAL;
	do {
		len = strcspn(s, "/");
		if (len == 0 || (len == 1 && s[0] == '.') ||
		    (len == 2 && s[0] == '.' && s[1] == '.'))
			return -EINVAL;
		s += len;
	} while (*s++ == '/');
	return 0;
}

/*
 * Is the directory named by the first LEN bytes of file I's name in the
 * archive already, put there for a file before it?
 */
static int dir_done(const struct bootimg_initrd_file *files, size_t i,
		    size_t len)
{
	const char *name = archive_name(files[i].dest);
	size_t j;

	for (j = 0; j < i; j++) {
		const char *other = archive_name(files[j].dest);

		if (strncmp(other, name, len) == 0 && other[len] == '/')
			return 1;
	}
	return 0;
}

/* Where the next entry goes: with AT NULL, the size is only counted. */
struct cursor {
	uint8_t *at;
	size_t size;
};

static void put_entry(struct cursor *c, unsigned ino, unsigned mode,
		      const char *name, size_t name_len,
		      const uint8_t *data, size_t size)
{
	size_t head = bi_align_up(HEADER_SIZE + name_len + 1, 4);
	char header[HEADER_SIZE + 1];

	if (c->at) {
		snprintf(header, sizeof(header), "070701%08X%08X%08X%08X"
			 "%08X%08X%08X%08X%08X%08X%08X%08X%08X",
			 ino, mode, 0u, 0u, S_ISDIR(mode) ? 2u : 1u, 0u,
			 (unsigned)size, 0u, 0u, 0u, 0u,
			 (unsigned)name_len + 1, 0u);
		memcpy(c->at, header, HEADER_SIZE);
		/* the padding is the memfd's zeros */
		memcpy(c->at + HEADER_SIZE, name, name_len);
		if (size)
			memcpy(c->at + head, data, size);
		c->at += head + bi_align_up(size, 4);
	}
	c->size += head + bi_align_up(size, 4);
}

/*
 * Every entry of the archive, in order: each file after the directories
 * leading to it that no earlier file put in.
 */
static void put_archive(struct cursor *c,
			const struct bootimg_initrd_file *files,
			const struct bi_file *sources, const unsigned *modes,
			size_t n)
{
	unsigned ino = 1;
	size_t i, len;

	for (i = 0; i < n; i++) {
		const char *name = archive_name(files[i].dest);

		for (len = strcspn(name, "/"); name[len];
		     len += 1 + strcspn(name + len + 1, "/"))
			if (!dir_done(files, i, len))
				put_entry(c, ino++, S_IFDIR | 0755, name, len,
					  NULL, 0);
		put_entry(c, ino++, S_IFREG | modes[i], name, strlen(name),
			  sources[i].data, sources[i].size);
	}
	put_entry(c, 0, 0, TRAILER, strlen(TRAILER), NULL, 0);
}

/* Open each source; its mode in the archive into MODES. */
static int open_sources(struct bootimg *ctx,
			const struct bootimg_initrd_file *files, size_t n,
			struct bi_file *sources, unsigned *modes)
{
	size_t i, total = 0;
	struct stat st;
	int err;

	for (i = 0; i < n; i++) {
		if (bootimg_check_initrd_dest(files[i].dest) < 0)
			return bi_fail(ctx, files[i].dest, -EINVAL);
		if (files[i].mode < -1 || files[i].mode > 07777)
			return bi_fail(ctx, files[i].source, -EINVAL);
	}
	for (i = 0; i < n; i++) {
		err = bi_file_open(ctx, files[i].source, &sources[i]);
		if (err < 0)
			return err;
		if (sources[i].size > BI_INITRD_FILES_MAX - total)
			return bi_fail(ctx, files[i].source, bi_cause(
					BOOTIMG_CAUSE_INITRD_FILES_TOO_LARGE));
		total += sources[i].size;
		if (fstat(sources[i].fd, &st) < 0)
			return bi_fail(ctx, files[i].source, -errno);
		modes[i] = files[i].mode >= 0 ? (unsigned)files[i].mode
					      : st.st_mode & 0700;
	}
	return 0;
}

/* A memfd of SIZE bytes, mapped for writing at *MAP. */
static int new_memfd(size_t size, int *fd_out, uint8_t **map)
{
	int fd = memfd_create("bootimg-initrd-files", MFD_CLOEXEC);
	void *p = MAP_FAILED;
	int err;

	if (fd < 0)
		return -errno;
	if (ftruncate(fd, (off_t)size) == 0)
		p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		err = -errno;
		close(fd);
		return err;
	}
	*fd_out = fd;
	*map = p;
	return 0;
}

int bi_initrd_cpio(struct bootimg *ctx, const struct bootimg_initrd_file *files,
		   size_t n, struct bi_file *out)
{
	struct bi_file *sources = calloc(n, sizeof(*sources));
	unsigned *modes = calloc(n, sizeof(*modes));
	struct cursor c = { 0 };
	uint8_t *map = NULL;
	size_t i;
	int err = -ENOMEM, fd = -1;

	*out = (struct bi_file){ .path = "--initrd-file", .fd = -1 };
	for (i = 0; sources && i < n; i++)
		sources[i].fd = -1;
	if (!sources || !modes) {
		bi_fail(ctx, NULL, err);
		goto done;
	}
	err = open_sources(ctx, files, n, sources, modes);
	if (err < 0)
		goto done;
	put_archive(&c, files, sources, modes, n);	/* the size */
	err = new_memfd(c.size, &fd, &map);
	if (err < 0) {
		bi_fail(ctx, NULL, err);
		goto done;
	}
	c = (struct cursor){ .at = map };
	put_archive(&c, files, sources, modes, n);
	mprotect(map, c.size, PROT_READ);
	*out = (struct bi_file){ .path = out->path, .fd = fd, .data = map,
				 .size = c.size };
done:
	for (i = 0; sources && i < n; i++)
		bi_file_close(&sources[i]);
	free(sources);
	free(modes);
	return err;
}
