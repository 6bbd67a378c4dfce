// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "staged-entry.h"
#include "sysroot.h"

/* The record holds a few paths and a command line: 64 KiB is plenty. */
#define RECORD_MAX 65536

static void put(FILE *f, const char *name, const char *value)
{
	fprintf(f, "%s=%s", name, value ? value : "");
	fputc('\0', f);
}

/* PATH made absolute, for hooks that run in another directory. */
static void put_path(FILE *f, const char *name, const char *path)
{
	char *real = realpath(path, NULL);

	put(f, name, real ? real : path);
	free(real);
}

/* PATH made absolute, after a newline unless it is the first. */
static void put_line(FILE *f, int first, const char *path)
{
	char *real = realpath(path, NULL);

	fprintf(f, "%s%s", first ? "" : "\n", real ? real : path);
	free(real);
}

static void put_initrds(FILE *f, const struct bootimg_request *req)
{
	size_t i;

	put_path(f, "BOOTIMG_INITRD", req->n_initrds ? req->initrds[0] : "");
	fputs("BOOTIMG_INITRDS=", f);
	for (i = 0; i < req->n_initrds; i++)
		put_line(f, !i, req->initrds[i]);
	fputc('\0', f);
	/* --initrd-file: SOURCE:DEST, as given, the source absolute */
	fputs("BOOTIMG_INITRD_FILES=", f);
	for (i = 0; i < req->n_initrd_files; i++) {
		put_line(f, !i, req->initrd_files[i].source);
		fprintf(f, ":%s", req->initrd_files[i].dest);
	}
	fputc('\0', f);
}

static int write_record(const char *path, const struct bootimg_request *req,
			const char *cmdline)
{
	size_t size = strlen(path) + 5;
	char *tmp = xmalloc(size), *dir = xstrdup(path);
	FILE *f;
	int ok;

	*strrchr(dir, '/') = '\0';
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		free(dir);
		free(tmp);
		return -1;
	}
	free(dir);
	snprintf(tmp, size, "%s.new", path);
	f = fopen(tmp, "we");
	if (!f) {
		free(tmp);
		return -1;
	}
	put(f, "BOOTIMG_ENTRY", getenv("BOOTIMG_ENTRY"));
	put_path(f, "BOOTIMG_KERNEL", req->kernel);
	put_initrds(f, req);
	put(f, "BOOTIMG_CMDLINE", cmdline);
	ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
	ok = fclose(f) == 0 && ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok ? 0 : -1;
}

void staged_entry_record(const struct bootimg_request *req,
			 const char *cmdline)
{
	char *path = sysroot_path(STAGED_ENTRY_FILE);

	if (write_record(path, req, cmdline) < 0)
		fprintf(stderr, "bootimg: warning: %s: %s; pre-exec hooks "
			"will not know the staged kernel\n", path,
			strerror(errno));
	free(path);
}

void staged_entry_forget(void)
{
	char *path = sysroot_path(STAGED_ENTRY_FILE);

	unlink(path);
	free(path);
}

void staged_entry_environment(struct strv *env)
{
	char *path = sysroot_path(STAGED_ENTRY_FILE), *buf, *p, *end;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	free(path);
	if (fd < 0)
		return;
	buf = xmalloc(RECORD_MAX);
	n = read(fd, buf, RECORD_MAX);
	close(fd);
	/* Only whole entries of our own names: nothing else gets in. */
	for (p = buf, end = buf + (n > 0 ? n : 0); p < end;) {
		char *nul = memchr(p, '\0', (size_t)(end - p));

		if (!nul)
			break;
		if (strncmp(p, "BOOTIMG_", 8) == 0 && strchr(p, '='))
			strv_push(env, p);
		p = nul + 1;
	}
	free(buf);
}
