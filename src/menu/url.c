// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * URLs of the network source: resolving a configuration's paths
 * against its base, and the "#sha256=HEX" a URL may end with.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "net.h"

/* Where URL's path starts (after "scheme://authority"), or NULL. */
static const char *path_start(const char *url)
{
	const char *p = strstr(url, "://");

	if (!p || p == url)
		return NULL;
	p += 3;
	return p + strcspn(p, "/");
}

/* The first A_LEN bytes of A, SEP (when not NUL), then B. */
static char *concat(const char *a, size_t a_len, char sep, const char *b)
{
	char *s = malloc(a_len + strlen(b) + 2);

	if (s)
		sprintf(s, "%.*s%.*s%s", (int)a_len, a, sep ? 1 : 0, &sep, b);
	return s;
}

char *url_resolve(const char *base, const char *ref)
{
	const char *path = path_start(base), *last;

	if (strstr(ref, "://"))
		return strdup(ref);
	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	if (ref[0] == '/')
		return concat(base, (size_t)(path - base), 0, ref);
	last = strrchr(path, '/');
	if (!last)		/* "tftp://server": its root */
		return concat(base, strlen(base), '/', ref);
	return concat(base, (size_t)(last + 1 - base), 0, ref);
}

char *url_config_base(const char *url)
{
	const char *path = path_start(url), *last, *prev;
	static const char cfg_dir[] = "pxelinux.cfg/";

	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	last = strrchr(path, '/');
	if (!last)
		return concat(url, strlen(url), '/', "");
	for (prev = last; prev > path && prev[-1] != '/'; prev--)
		;
	if (prev > path &&
	    (size_t)(last + 1 - prev) == sizeof(cfg_dir) - 1 &&
	    !strncmp(prev, cfg_dir, sizeof(cfg_dir) - 1))
		last = prev - 1;	/* its parent */
	return concat(url, (size_t)(last + 1 - url), 0, "");
}

int sha256_hex_valid(const char *s)
{
	return strlen(s) == 64 && strspn(s, "0123456789abcdefABCDEF") == 64;
}

int url_take_sha256(char *url, char hex[65])
{
	char *mark = strstr(url, "#sha256=");

	if (!mark)
		return 0;
	if (!sha256_hex_valid(mark + 8))
		return -EINVAL;
	memcpy(hex, mark + 8, 65);
	*mark = '\0';
	return 1;
}
