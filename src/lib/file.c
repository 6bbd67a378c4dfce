// SPDX-License-Identifier: GPL-2.0-or-later
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "file.h"
#include "internal.h"

int bi_file_open(struct bootimg *ctx, const char *path, struct bi_file *file)
{
	struct stat st;
	void *map;
	int fd, err;

	*file = (struct bi_file){ .path = path, .fd = -1 };
	/*
	 * Neither wait for a FIFO's writer nor take a terminal: whatever is
	 * not a regular file is refused below before anything reads it.
	 */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return bi_fail(ctx, path, -errno);
	if (fstat(fd, &st) < 0) {
		err = -errno;
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		err = -EISDIR;
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return bi_fail(ctx, path,
			       bi_cause(BOOTIMG_CAUSE_NOT_REGULAR_FILE));
	}
	file->fd = fd;
	file->size = (size_t)st.st_size;
	if (file->size == 0)
		return 0;
	map = mmap(NULL, file->size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED) {
		err = -errno;
		goto fail;
	}
	file->data = map;
	return 0;
fail:
	close(fd);
	file->fd = -1;
	return bi_fail(ctx, path, err);
}

void bi_file_close(struct bi_file *file)
{
	if (file->data)
		munmap((void *)file->data, file->size);
	if (file->fd >= 0)
		close(file->fd);
	file->data = NULL;
	file->fd = -1;
}
