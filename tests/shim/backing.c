// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What memory backs the buffers and fds a trapped call is handed, for
 * tests that check that no method copies an initrd (BOOTIMG_SHIM_BACKING=1,
 * see tests/shim/README): a buffer's mapping from /proc/self/maps, an
 * fd's file from /proc/self/fd, and the process's anonymous and shmem
 * resident memory from /proc/self/status.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "backing.h"

int shim_backing_wanted(void)
{
	const char *v = getenv("BOOTIMG_SHIM_BACKING");

	return v != NULL && strcmp(v, "1") == 0;
}

/* PATH as the log words it: file:PATH, memfd:NAME or anon. */
static void put_path(FILE *f, const char *path)
{
	if (*path == '\0' || *path == '[')
		fputs("anon", f);	/* no file, [heap], [stack] */
	else if (strncmp(path, "/memfd:", 7) == 0)
		fprintf(f, "memfd:%.*s", (int)strcspn(path + 7, " "), path + 7);
	else
		fprintf(f, "file:%s", path);
}

/*
 * The pathname field of /proc/self/maps lines covering [START, END): the
 * same for all of them, else "" with *MIXED set.  0 if all is mapped.
 */
static int maps_path(uintptr_t start, uintptr_t end, char *out, size_t size,
		     int *mixed)
{
	char line[PATH_MAX + 128], path[PATH_MAX];
	unsigned long lo, hi;
	uintptr_t at = start;
	int found = 0;
	FILE *maps = fopen("/proc/self/maps", "re");

	*mixed = 0;
	if (maps == NULL)
		return -1;
	while (at < end && fgets(line, sizeof(line), maps)) {
		path[0] = '\0';
		if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %4095[^\n]", &lo,
			   &hi, path) < 2 || hi <= at || lo > at)
			continue;
		if (!found)
			snprintf(out, size, "%s", path);
		else if (strcmp(out, path) != 0)
			*mixed = 1;
		found = 1;
		at = hi;
	}
	fclose(maps);
	return at >= end ? 0 : -1;
}

void shim_put_segment_backing(FILE *f, unsigned long i, const void *buf,
			      size_t size)
{
	char path[PATH_MAX];
	int mixed;

	fprintf(f, "  backing %lu ", i);
	if (buf == NULL || size == 0)
		fputs("none", f);
	else if (maps_path((uintptr_t)buf, (uintptr_t)buf + size, path,
			   sizeof(path), &mixed) < 0)
		fputs("unmapped", f);
	else if (mixed)
		fputs("mixed", f);
	else
		put_path(f, path);
	fputc('\n', f);
}

void shim_put_fd_backing(FILE *f, int fd)
{
	char link[64], path[PATH_MAX];
	ssize_t n;

	if (fd < 0) {
		fputs("none", f);
		return;
	}
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n < 0) {
		fputs("unknown", f);
		return;
	}
	path[n] = '\0';
	put_path(f, path);
}

/* The kB of "NAME:" in /proc/self/status, or -1. */
static long status_kb(const char *name)
{
	char line[256];
	size_t len = strlen(name);
	long kb = -1;
	FILE *status = fopen("/proc/self/status", "re");

	if (status == NULL)
		return -1;
	while (kb < 0 && fgets(line, sizeof(line), status))
		if (strncmp(line, name, len) == 0 && line[len] == ':')
			kb = strtol(line + len + 1, NULL, 10);
	fclose(status);
	return kb;
}

void shim_put_memory(FILE *f)
{
	fprintf(f, "  memory anon_kb=%ld shmem_kb=%ld\n", status_kb("RssAnon"),
		status_kb("RssShmem"));
}
