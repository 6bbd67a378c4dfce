// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bi_initrd_cpio(): the archive of --initrd-file, extracted by cpio(1)
 * and compared byte for byte with its sources; its headers (owner root,
 * mtime 0, the directories) read back; the inputs it refuses.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "files.h"
#include "initrd-cpio.h"
#include "internal.h"
#include "macros.h"
#include "tap.h"

/* The test works in this folder: the paths below are relative to it. */
static char dir[] = "/tmp/test-initrd-cpio.XXXXXX";

static void write_file(const char *name, const void *data, size_t size,
		       mode_t mode)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		perror(name);
	if (fd >= 0)
		close(fd);
	chmod(name, mode);
}

static int same_file(const char *a, const char *b)
{
	size_t na = 0, nb = 0;
	uint8_t *da = read_all(a, &na), *db = read_all(b, &nb);
	int same = na == nb && (na == 0 || (da && db && !memcmp(da, db, na)));

	free(da);
	free(db);
	return same;
}

static unsigned mode_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? st.st_mode : 0;
}

/* Field I (0: ino ... 12: check) of the header at P. */
static unsigned field(const uint8_t *p, int i)
{
	char hex[9];

	memcpy(hex, p + 6 + 8 * i, 8);
	hex[8] = '\0';
	return (unsigned)strtoul(hex, NULL, 16);
}

/* Walk the archive's headers: names in order, each checked. */
static void check_headers(const struct bi_file *a, const char *want_names)
{
	char names[512] = "";
	size_t at = 0, namesize, filesize;
	int owner_ok = 1, magic_ok = 1;

	while (at + 110 <= a->size) {
		const uint8_t *h = a->data + at;

		magic_ok &= memcmp(h, "070701", 6) == 0;
		owner_ok &= field(h, 2) == 0 && field(h, 3) == 0 &&
			    field(h, 5) == 0;
		namesize = field(h, 11);
		filesize = field(h, 6);
		strncat(names, (const char *)h + 110,
			sizeof(names) - strlen(names) - 2);
		strcat(names, " ");
		at += bi_align_up(110 + namesize, 4) + bi_align_up(filesize, 4);
		if (strcmp((const char *)h + 110, "TRAILER!!!") == 0)
			break;
	}
	CHECK(magic_ok);
	CHECK(owner_ok);	/* uid, gid 0, mtime 0 */
	CHECK_EQ(at, a->size);
	tap_result(strcmp(names, want_names) == 0, "entries in order",
		   __FILE__, __LINE__);
	if (strcmp(names, want_names))
		printf("# got '%s'\n", names);
}

static void test_extracted(struct bootimg *ctx)
{
	static const uint8_t three[3] = { 0, 1, 2 };
	uint8_t big[5000];
	const struct bootimg_initrd_file files[] = {
		{ "key", "/etc/keys/root.key", -1 },
		{ "script", "etc/hook", -1 },
		{ "big", "/etc/keys/big.bin", 0644 },
		{ "empty", "empty", 0 },
		{ "three", "a/b/c/three", 04755 },
	};
	struct bi_file a;
	size_t i;
	FILE *f;

	for (i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)(i * 7);
	write_file("script", "#!/bin/sh\n", 10, 0755);
	write_file("big", big, sizeof(big), 0600);
	write_file("empty", "", 0, 0644);
	write_file("three", three, 3, 0600);
	CHECK(bi_initrd_cpio(ctx, files, 5, &a) == 0);
	CHECK(a.fd >= 0 && a.size % 4 == 0);
	check_headers(&a, "etc etc/keys etc/keys/root.key etc/hook "
			  "etc/keys/big.bin empty a a/b a/b/c a/b/c/three "
			  "TRAILER!!! ");

	f = fopen("archive.cpio", "we");
	if (f) {
		fwrite(a.data, 1, a.size, f);
		fclose(f);
	}
	bi_file_close(&a);
	mkdir("out", 0700);
	CHECK(system("cd out && cpio -idm --quiet --no-absolute-filenames "
		     "<../archive.cpio") == 0);
	for (i = 0; i < 5; i++) {
		const char *name = files[i].dest + (*files[i].dest == '/');
		char out[600];

		snprintf(out, sizeof(out), "out/%s", name);
		tap_result(same_file(files[i].source, out), name,
			   __FILE__, __LINE__);
	}
	CHECK_EQ(mode_of("out/etc/keys/root.key"), S_IFREG | 0600);
	CHECK_EQ(mode_of("out/etc/hook"), S_IFREG | 0700);
	CHECK_EQ(mode_of("out/etc/keys/big.bin"), S_IFREG | 0644);
	CHECK_EQ(mode_of("out/empty"), S_IFREG);
	CHECK_EQ(mode_of("out/a/b/c/three"), S_IFREG | 04755);
	CHECK_EQ(mode_of("out/etc/keys"), S_IFDIR | 0755);
	CHECK_EQ(mode_of("out/a/b"), S_IFDIR | 0755);
}

/* Each refused with ERR, naming WHAT, and leaving OUT empty. */
static void refused(struct bootimg *ctx, const char *source,
		    const char *dest, int mode, int err, const char *what)
{
	struct bootimg_initrd_file file = { source, dest, mode };
	struct bi_file a;
	int got = bi_initrd_cpio(ctx, &file, 1, &a);
	const char *path = bootimg_error_path(ctx);

	tap_result(got == err && path && strcmp(path, what) == 0 &&
		   a.fd < 0 && !a.data, dest, __FILE__, __LINE__);
	if (got != err)
		printf("# got %d, want %d\n", got, err);
}

static void test_refused(struct bootimg *ctx)
{
	static const char *const bad_dest[] = {
		"", "/", "a/", "a//b", "./a", "a/.", "..", "a/../b", "/..",
		"a/..",
	};
	const char *key = "key";	/* in the test's folder */
	char long_dest[PATH_MAX + 1];
	size_t i;
	int fd;

	for (i = 0; i < ARRAY_SIZE(bad_dest); i++) {
		refused(ctx, key, bad_dest[i], -1, -EINVAL, bad_dest[i]);
		CHECK(bootimg_check_initrd_dest(bad_dest[i]) == -EINVAL);
	}
	memset(long_dest, 'x', PATH_MAX);
	long_dest[PATH_MAX] = '\0';
	CHECK(bootimg_check_initrd_dest(long_dest) == -EINVAL);
	long_dest[PATH_MAX - 1] = '\0';
	CHECK(bootimg_check_initrd_dest(long_dest) == 0);
	CHECK(bootimg_check_initrd_dest("/a/b..c/.d/...") == 0);
	refused(ctx, key, "k", 010000, -EINVAL, key);
	refused(ctx, "missing", "k", -1, -ENOENT, "missing");
	refused(ctx, "out", "k", -1, -EISDIR, "out");
	mkfifo("fifo", 0600);	/* refused without waiting */
	refused(ctx, "fifo", "k", -1, -ENXIO, "fifo");
	fd = open("huge", O_WRONLY | O_CREAT, 0600);
	if (fd >= 0) {	/* sparse: no disk space used */
		CHECK(ftruncate(fd, BI_INITRD_FILES_MAX + 1) == 0);
		close(fd);
	}
	refused(ctx, "huge", "k", -1, -EOVERFLOW, "huge");
}

/* Together over the limit, each under it: the one that crosses it. */
static void test_total(struct bootimg *ctx)
{
	const struct bootimg_initrd_file files[] = {
		{ "half", "a", -1 }, { "half2", "b", -1 },
	};
	struct bi_file a;
	int fd = open("half", O_WRONLY | O_CREAT, 0600);

	if (fd >= 0) {
		CHECK(ftruncate(fd, BI_INITRD_FILES_MAX / 2 + 1) == 0);
		close(fd);
	}
	CHECK(link("half", "half2") == 0);
	CHECK(bi_initrd_cpio(ctx, files, 2, &a) == -EOVERFLOW);
	CHECK(strcmp(bootimg_error_path(ctx), "half2") == 0);
}

int main(void)
{
	struct bootimg *ctx;
	char cmd[600];

	if (!mkdtemp(dir) || chdir(dir) < 0 || bootimg_new(&ctx) < 0)
		return 99;
	write_file("key", "secret\n", 7, 0644);
	if (system("cpio --version >/dev/null 2>&1") != 0)
		tap_skip("no cpio(1) to extract the archive");
	else
		test_extracted(ctx);
	test_refused(ctx);
	test_total(ctx);
	bootimg_free(ctx);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 99;
	return tap_done();
}
