// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The cache of unpacked kernels, in a sysroot of its own: a miss written
 * and then a hit, the entry unrelocated after a load that relocated its
 * copy, eviction of the least recently used past the bound, damaged
 * entries removed and rewritten, a writer's temporary file never read and
 * removed once its writer is gone, writers in parallel processes, a
 * directory others could read left alone, --cache-clear.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "bootimg.h"
#include "failed-as.h"
#include "fake-fastboot.h"
#include "fast-boot-cache.h"
#include "files.h"
#include "inputs.h"
#include "internal.h"
#include "kernel-cache.h"
#include "tap.h"

static char root[] = "/tmp/test-kernel-cache-XXXXXX";
static char dir[PATH_MAX];
static char logged[8192];

static void log_line(void *data, int priority, const char *format,
		     va_list args)
{
	size_t n = strlen(logged);

	(void)data, (void)priority;
	vsnprintf(logged + n, sizeof(logged) - n, format, args);
	n = strlen(logged);
	snprintf(logged + n, sizeof(logged) - n, "\n");
}

/* Whether a line logged since the last call holds WHAT (NULL: none). */
static int saw(const char *what)
{
	int found = what ? strstr(logged, what) != NULL : logged[0] == '\0';

	if (!found)
		printf("# logged: %s\n", logged);
	return found;
}

static void forget_log(void)
{
	logged[0] = '\0';
}

static const char *entry_path(const void *image, size_t size)
{
	static char path[PATH_MAX + 80];
	uint8_t key[BI_CACHE_KEY_SIZE];
	char name[BI_CACHE_NAME_SIZE];

	bi_cache_key(image, size, key);
	bi_cache_name(key, name);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

static int exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static int cached_image(struct blob image)
{
	return exists(entry_path(image.data, image.size));
}

static void write_file(const char *path, const void *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	CHECK(fd >= 0 && write(fd, data, size) == (ssize_t)size);
	close(fd);
}

static size_t count_files(void)
{
	char cmd[PATH_MAX + 64];
	FILE *p;
	size_t n = 0;
	int c;

	snprintf(cmd, sizeof(cmd), "ls -A '%s'", dir);
	p = popen(cmd, "r");
	while (p && (c = fgetc(p)) != EOF)
		n += c == '\n';
	if (p)
		pclose(p);
	return n;
}

/* Fast boot of the bzImage at PATH through the cache, as a load does. */
static int fast_boot(struct bootimg *ctx, const char *path, unsigned flags,
		     int write, struct blob *vmlinux)
{
	struct bootimg_request req = {
		.size = sizeof(req), .kernel = path,
		.flags = BOOTIMG_LOAD_FAST_BOOT | flags,
	};
	struct bi_file file;
	struct bi_kernel kernel;
	int err = bi_file_open(ctx, path, &file);

	if (err < 0)
		return err;
	err = bi_probe_file(&file, &kernel);
	if (err == 0) {
		err = bi_fast_boot(ctx, &req, write, &kernel);
		if (err == 0 && vmlinux) {
			vmlinux->size = kernel.unpacked_size;
			vmlinux->data = malloc(vmlinux->size);
			memcpy(vmlinux->data, kernel.unpacked, vmlinux->size);
		}
		bi_kernel_release(&kernel);
	}
	bi_file_close(&file);
	return err;
}

static int same(struct blob a, struct blob b)
{
	return a.size == b.size && memcmp(a.data, b.data, a.size) == 0;
}

/* Change the byte at OFFSET of the file PATH. */
static void flip_byte(const char *path, off_t offset)
{
	int fd = open(path, O_RDWR);
	uint8_t b = 0;

	if (pread(fd, &b, 1, offset) == 1) {
		b ^= 0x5a;
		CHECK(pwrite(fd, &b, 1, offset) == 1);
	}
	close(fd);
}

static void test_miss_then_hit(struct bootimg *ctx, const char *bz,
			       struct blob image, struct blob unpacked)
{
	const char *entry = entry_path(image.data, image.size);
	struct blob got = { 0 };
	struct stat st;

	/* Planning reads the cache, never makes it. */
	forget_log();
	CHECK_EQ(fast_boot(ctx, bz, 0, 0, &got), 0);
	CHECK(same(got, unpacked));
	free(got.data);
	CHECK(stat(dir, &st) < 0);
	CHECK(saw("not used (No such file or directory)"));

	forget_log();
	CHECK_EQ(fast_boot(ctx, bz, 0, 1, &got), 0);
	CHECK(same(got, unpacked));
	free(got.data);
	CHECK(saw("kernel cache: miss"));
	CHECK(saw("kernel cache: written"));
	CHECK(stat(dir, &st) == 0 && (st.st_mode & 07777) == 0700);
	CHECK(stat(entry, &st) == 0 &&
	      (uint64_t)st.st_size == bi_cache_entry_bytes(unpacked.size));

	forget_log();
	CHECK_EQ(fast_boot(ctx, bz, 0, 1, &got), 0);
	CHECK(same(got, unpacked));
	free(got.data);
	CHECK(saw("kernel cache: hit"));
	CHECK(!strstr(logged, "written"));

	/* --no-cache: neither read nor written. */
	unlink(entry);
	forget_log();
	CHECK_EQ(fast_boot(ctx, bz, BOOTIMG_LOAD_NO_CACHE, 1, NULL), 0);
	CHECK(saw(NULL));
	CHECK(!exists(entry));
}

/* A load relocates its copy; the cache keeps the unrelocated vmlinux. */
static void test_load_keeps_entry_unrelocated(struct bootimg *ctx,
					      const char *bz, struct blob image,
					      struct blob unpacked)
{
	struct bootimg_request req = {
		.size = sizeof(req), .kernel = bz, .cmdline = "console=ttyS0",
		.method = BOOTIMG_METHOD_KEXEC, .flags = BOOTIMG_LOAD_FAST_BOOT,
	};
	struct bi_inputs in;
	int moved = 0, i;

	for (i = 0; i < 8; i++) {
		struct blob got = { 0 };

		CHECK_EQ(bi_inputs_open(ctx, &req, 1, &in), 0);
		moved += in.kernel.kaslr.status == 0 &&
			 in.kernel.kaslr.text_phys != TEXT_PADDR;
		bi_inputs_close(&in);
		got.data = read_all(entry_path(image.data, image.size),
				    &got.size);
		CHECK(got.data && got.size == bi_cache_entry_bytes(
						unpacked.size) &&
		      memcmp(got.data + (got.size - unpacked.size),
			     unpacked.data, unpacked.size) == 0);
		free(got.data);
	}
	CHECK(moved > 0);		/* KASLR still random from the cache */
}

static void test_damaged(struct bootimg *ctx, const char *bz,
			 struct blob image, struct blob unpacked)
{
	char entry[PATH_MAX + 80], other[PATH_MAX + 80];
	static const struct {
		off_t offset;	/* -1: truncated */
		const char *why;
	} damage[] = {
		{ 4096 + 100, "its checksum does not match" },
		{ 0, "not a cache entry" },
		{ 8, "another format version" },
		{ 16, "made from another image" },
		{ 51, "truncated" },
		{ 56, "its checksum does not match" },
		{ -1, "truncated" },
	};
	struct blob got = { 0 };
	size_t i;

	snprintf(entry, sizeof(entry), "%s", entry_path(image.data,
							  image.size));
	for (i = 0; i < sizeof(damage) / sizeof(damage[0]); i++) {
		CHECK_EQ(fast_boot(ctx, bz, 0, 1, NULL), 0);
		if (damage[i].offset < 0)
			CHECK(truncate(entry, 4096 + unpacked.size / 2) == 0);
		else
			flip_byte(entry, damage[i].offset);
		forget_log();
		CHECK_EQ(fast_boot(ctx, bz, 0, 1, &got), 0);
		CHECK(same(got, unpacked));
		free(got.data);
		CHECK(saw(damage[i].why));
		CHECK(saw("removed"));
		CHECK(saw("kernel cache: written"));
		forget_log();
		CHECK_EQ(fast_boot(ctx, bz, 0, 1, NULL), 0);
		CHECK(saw("kernel cache: hit"));
	}
	/* A symbolic link in an entry's place. */
	snprintf(other, sizeof(other), "%s", entry_path("x", 1));
	CHECK(rename(entry, other) == 0);
	CHECK(symlink(other, entry) == 0);
	forget_log();
	CHECK_EQ(fast_boot(ctx, bz, 0, 1, NULL), 0);
	CHECK(saw("not a regular file"));
	CHECK(saw("kernel cache: written"));
	forget_log();
	CHECK_EQ(fast_boot(ctx, bz, 0, 1, NULL), 0);
	CHECK(saw("kernel cache: hit"));
	unlink(other);
}

/* A writer that died leaves its temporary file: never read, then removed. */
static void test_dead_writer(struct bootimg *ctx, const char *bz,
			     struct blob image)
{
	const char *entry = entry_path(image.data, image.size);
	struct timespec old[2] = { { .tv_sec = 1000 }, { .tv_sec = 1000 } };
	struct bi_kernel_cache cache;
	char dead[PATH_MAX + 16], live[PATH_MAX + 16], fresh[PATH_MAX + 16];
	struct blob whole;
	int fd;

	CHECK_EQ(fast_boot(ctx, bz, 0, 1, NULL), 0);
	whole.data = read_all(entry, &whole.size);
	unlink(entry);
	snprintf(dead, sizeof(dead), "%s/.tmp-dead", dir);
	snprintf(live, sizeof(live), "%s/.tmp-live", dir);
	snprintf(fresh, sizeof(fresh), "%s/.tmp-fresh", dir);
	/* Half an entry, as a crash mid-write leaves it, never renamed. */
	write_file(dead, whole.data, whole.size / 2);
	write_file(live, whole.data, whole.size / 2);
	write_file(fresh, whole.data, whole.size / 2);
	free(whole.data);
	utimensat(AT_FDCWD, dead, old, 0);
	utimensat(AT_FDCWD, live, old, 0);
	fd = open(live, O_RDONLY);
	CHECK(flock(fd, LOCK_EX) == 0);	/* its writer still at work */

	forget_log();
	CHECK_EQ(fast_boot(ctx, bz, 0, 0, NULL), 0);
	CHECK(saw("kernel cache: miss"));
	CHECK_EQ(bi_cache_open(ctx, 0, 0, &cache), 0);
	CHECK_EQ(bi_cache_evict(&cache, cache.bound), 0);
	bi_cache_close(&cache);
	CHECK(!exists(dead));
	CHECK(exists(live));
	CHECK(exists(fresh));		/* perhaps not locked yet */
	close(fd);
	unlink(live);
	unlink(fresh);
}

static void put(struct bi_kernel_cache *cache, const char *what,
		size_t size, time_t used)
{
	uint8_t key[BI_CACHE_KEY_SIZE], *payload = calloc(1, size);
	char path[PATH_MAX + 80];
	struct timespec t[2] = { { .tv_sec = used }, { .tv_sec = used } };

	bi_cache_key(what, strlen(what), key);
	memset(payload, what[0], size);
	CHECK_EQ(bi_cache_put(cache, key, payload, size), 0);
	free(payload);
	if (used) {
		snprintf(path, sizeof(path), "%s", entry_path(what,
							      strlen(what)));
		CHECK(utimensat(AT_FDCWD, path, t, 0) == 0);
	}
}

static int cached(const char *what)
{
	return exists(entry_path(what, strlen(what)));
}

static void test_evict(struct bootimg *ctx)
{
	const size_t size = 100000;
	struct bi_kernel_cache cache;
	struct bi_cache_payload payload;
	uint8_t key[BI_CACHE_KEY_SIZE], *big;
	time_t now = time(NULL);

	CHECK_EQ(bootimg_cache_clear(ctx), 0);
	CHECK_EQ(bi_cache_open(ctx, 3 * bi_cache_entry_bytes(size), 1,
			       &cache), 0);
	put(&cache, "a", size, now - 300);
	put(&cache, "b", size, now - 200);
	put(&cache, "c", size, now - 100);
	CHECK(cached("a") && cached("b") && cached("c"));
	/* "a" used now: "b" is the least recently used. */
	bi_cache_key("a", 1, key);
	CHECK_EQ(bi_cache_get(&cache, key, &payload), 0);
	CHECK(payload.size == size && payload.data[0] == 'a' &&
	      payload.data[size - 1] == 'a');
	bi_cache_payload_free(&payload);
	forget_log();
	put(&cache, "d", size, 0);
	CHECK(saw("kernel cache: evicted"));
	CHECK(cached("a") && !cached("b") && cached("c") && cached("d"));
	/* Larger than the bound: not written, nothing evicted. */
	big = calloc(1, 4 * size);
	bi_cache_key("e", 1, key);
	CHECK_EQ(bi_cache_put(&cache, key, big, 4 * size), -EFBIG);
	free(big);
	CHECK(!cached("e") && cached("a") && cached("c") && cached("d"));
	bi_cache_close(&cache);
	CHECK_EQ(bootimg_cache_clear(ctx), 3);
	CHECK_EQ(count_files(), 0);
}

/* Writers in parallel: of the same entry, and of others past the bound. */
static void test_concurrent(struct bootimg *ctx)
{
	const size_t size = 1u << 20;
	uint8_t key[BI_CACHE_KEY_SIZE], *payload;
	int i, status, ok = 1;

	for (i = 0; i < 4; i++) {
		if (fork() == 0) {
			struct bi_kernel_cache cache;
			char what[2] = { (char)('p' + i), 0 };
			int j, bad = 0;

			if (bi_cache_open(ctx, 3 * bi_cache_entry_bytes(size),
					  1, &cache) < 0)
				_exit(1);
			payload = malloc(size);
			for (j = 0; j < 20; j++) {
				memset(payload, 's', size);
				bi_cache_key("same", 4, key);
				bad |= bi_cache_put(&cache, key, payload,
						    size) < 0;
				memset(payload, what[0], size);
				bi_cache_key(what, 1, key);
				bad |= bi_cache_put(&cache, key, payload,
						    size) < 0;
			}
			_exit(bad);
		}
	}
	for (i = 0; i < 4; i++)
		ok &= wait(&status) > 0 && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0;
	CHECK(ok);
	/* Entries only, within the bound, each whole. */
	CHECK(count_files() >= 1 && count_files() <= 3);
	for (i = 0; i < 5; i++) {
		const char *what[] = { "same", "p", "q", "r", "s" };
		const char *why;
		char name[BI_CACHE_NAME_SIZE];
		struct bi_cache_payload got;
		int fd = open(dir, O_RDONLY | O_DIRECTORY), err;

		bi_cache_key(what[i], strlen(what[i]), key);
		bi_cache_name(key, name);
		err = bi_cache_entry_read(fd, name, key, &got, &why);
		CHECK(err == -ENOENT ||
		      (err == 0 && got.size == size &&
		       got.data[0] == what[i][0] &&
		       got.data[size - 1] == what[i][0]));
		if (err == 0)
			bi_cache_payload_free(&got);
		close(fd);
	}
	CHECK(bootimg_cache_clear(ctx) >= 1);
}

static void test_not_private(struct bootimg *ctx, const char *bz)
{
	struct bootimg_request req = {
		.size = sizeof(req), .kernel = bz,
		.flags = BOOTIMG_LOAD_FAST_BOOT,
	};

	CHECK(chmod(dir, 0755) == 0);
	forget_log();
	CHECK_EQ(fast_boot(ctx, bz, 0, 1, NULL), 0);
	CHECK(saw("not used (not a directory of this user's own, mode 0700)"));
	CHECK_EQ(count_files(), 0);
	CHECK(failed_as(ctx, bootimg_cache_warm(ctx, &req),
			bi_cause(BOOTIMG_CAUSE_CACHE_NOT_PRIVATE)));
	CHECK(failed_as(ctx, bootimg_cache_clear(ctx),
			bi_cause(BOOTIMG_CAUSE_CACHE_NOT_PRIVATE)));
	CHECK(chmod(dir, 0700) == 0);
}

static void test_warm(struct bootimg *ctx, const char *bz, struct blob image)
{
	struct bootimg_request req = {
		.size = sizeof(req), .kernel = bz,
	};
	const char *elf = write_temp("elf", "\x7f" "ELF", 4);

	CHECK_EQ(bootimg_cache_clear(ctx), 0);
	CHECK_EQ(bootimg_cache_warm(ctx, &req), 0);
	CHECK(cached_image(image));
	CHECK_EQ(bootimg_cache_warm(ctx, &req), 1);
	req.cache_bound = 4096;
	CHECK_EQ(bootimg_cache_clear(ctx), 1);
	CHECK(failed_as(ctx, bootimg_cache_warm(ctx, &req),
			bi_cause(BOOTIMG_CAUSE_CACHE_BOUND)));
	CHECK(strcmp(bootimg_error_path(ctx), bz) == 0);
	req.kernel = elf;
	CHECK(bootimg_cache_warm(ctx, &req) < 0);
	CHECK(strcmp(bootimg_error_path(ctx), elf) == 0);
	CHECK_EQ(count_files(), 0);
}

int main(void)
{
	struct blob elf = fake_vmlinux();
	struct blob unpacked = fake_with_table(elf, 0);
	struct blob packed = fake_pack_xz(unpacked);
	struct blob image = fake_fastboot_bzimage(packed);
	const char *bz = write_temp("bzImage", image.data, image.size);
	struct bootimg *ctx;
	char link[PATH_MAX + 8];

	if (!mkdtemp(root) || bootimg_new(&ctx) < 0)
		return 1;
	/* The fixture's /sys and /proc, this test's own /var. */
	snprintf(link, sizeof(link), "%s/sys", root);
	CHECK(symlink(fixture("qemu-pc-1g/sys"), link) == 0);
	snprintf(link, sizeof(link), "%s/proc", root);
	CHECK(symlink(fixture("qemu-pc-1g/proc"), link) == 0);
	CHECK_EQ(bi_set_sysroot(ctx, root), 0);
	CHECK_EQ(bi_cache_dir(ctx, dir, sizeof(dir)), 0);
	bootimg_set_log_fn(ctx, log_line, NULL);

	test_miss_then_hit(ctx, bz, image, unpacked);
#ifdef __x86_64__	/* the i386 build enters no 64-bit vmlinux */
	test_load_keeps_entry_unrelocated(ctx, bz, image, unpacked);
#endif
	test_damaged(ctx, bz, image, unpacked);
	test_dead_writer(ctx, bz, image);
	test_evict(ctx);
	test_concurrent(ctx);
	test_not_private(ctx, bz);
	test_warm(ctx, bz, image);

	bootimg_free(ctx);
	snprintf(link, sizeof(link), "rm -rf '%s'", root);
	CHECK(system(link) == 0);
	temp_cleanup();
	free(elf.data);
	free(unpacked.data);
	free(packed.data);
	free(image.data);
	return tap_done();
}
