// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sha256 of a fetched file, with nettle, the SHA-256 that libbootimg's
 * cache of unpacked kernels uses too.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <nettle/sha2.h>
#include "net.h"

int sha256_file(const char *path, char hex[65])
{
	unsigned char buf[65536], md[SHA256_DIGEST_SIZE];
	struct sha256_ctx ctx;
	int fd = open(path, O_RDONLY | O_CLOEXEC), err = 0;
	ssize_t got;
	unsigned i;

	if (fd < 0)
		return -errno;
	sha256_init(&ctx);
	while ((got = read(fd, buf, sizeof(buf))) > 0)
		sha256_update(&ctx, (size_t)got, buf);
	if (got < 0)
		err = -errno;
	close(fd);
	if (err)
		return err;
	sha256_digest(&ctx, sizeof(md), md);
	for (i = 0; i < sizeof(md); i++)
		sprintf(hex + 2 * i, "%02x", md[i]);
	return 0;
}
