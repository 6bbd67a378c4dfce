// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * sha256 of a fetched file, with OpenSSL's libcrypto (EVP), which the
 * OpenSSL build of libcurl links already.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <openssl/evp.h>
#include "net.h"

int sha256_file(const char *path, char hex[65])
{
	unsigned char buf[65536], md[EVP_MAX_MD_SIZE];
	unsigned md_len = 0, i;
	EVP_MD_CTX *md_ctx = EVP_MD_CTX_new();
	int fd = open(path, O_RDONLY | O_CLOEXEC), err = 0;
	ssize_t got;

	if (fd < 0 || !md_ctx ||
	    !EVP_DigestInit_ex(md_ctx, EVP_sha256(), NULL)) {
		err = fd < 0 ? -errno : -ENOMEM;
		goto out;
	}
	while ((got = read(fd, buf, sizeof(buf))) > 0)
		if (!EVP_DigestUpdate(md_ctx, buf, (size_t)got)) {
			err = -EIO;
			goto out;
		}
	if (got < 0)
		err = -errno;
	else if (!EVP_DigestFinal_ex(md_ctx, md, &md_len) || md_len != 32)
		err = -EIO;
	for (i = 0; !err && i < md_len; i++)
		sprintf(hex + 2 * i, "%02x", md[i]);
out:
	EVP_MD_CTX_free(md_ctx);
	if (fd >= 0)
		close(fd);
	return err;
}
