/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * LD_PRELOAD shim for the unit tests: traps kexec_load(2),
 * kexec_file_load(2) and reboot(2), logs them, and fails or succeeds as
 * the environment says.  A trapped call never reaches the kernel.
 *
 *   BOOTIMG_SHIM_LOG=FILE		append one record per trapped call
 *   BOOTIMG_SHIM_ERRNO_KEXEC_LOAD=NAME	fail kexec_load with errno NAME
 *   BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD=NAME
 *   BOOTIMG_SHIM_ERRNO_REBOOT=NAME
 *   BOOTIMG_SHIM_ERRNO_BOOTIMG_LOAD=NAME (also _UNLOAD, _STATUS, _EXEC)
 *   BOOTIMG_SHIM_BOOTIMG_LOADED=1	BOOTIMG_IOC_STATUS says "loaded"
 *   BOOTIMG_SHIM_CRASH_RANGE=START-END	the crashkernel= reservation
 *   BOOTIMG_SHIM_EUID=N		geteuid() returns N
 *   BOOTIMG_SHIM_BACKING=1		log what memory backs the buffers and fds
 *   BOOTIMG_SHIM_RANDOM=fixed		a blocking getrandom() gives fixed bytes
 *   BOOTIMG_SHIM_ERRNO_GETRANDOM=NAME	fail a blocking getrandom() with NAME
 *
 * It also traps the ioctls of /dev/bootimg (kernel/uapi/linux/bootimg.h)
 * on any file descriptor.
 *
 * See tests/shim/README for the log format.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/bootimg.h>
#include <linux/kexec.h>
#include <linux/reboot.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BOOTIMG_SHIM_NO_HELPERS 1
#include "backing.h"
#include "macros.h"
#include "shim.h"

#define SHIM_EXPORT __attribute__((visibility("default")))

/*
 * The kernel's page size for kexec segments.  bootimg only targets x86,
 * where it is always 4 KiB whatever sysconf says.
 */
#define SHIM_PAGE_SIZE 4096UL

#if defined(__x86_64__)
#define SHIM_KEXEC_ARCH KEXEC_ARCH_X86_64
#elif defined(__i386__)
#define SHIM_KEXEC_ARCH KEXEC_ARCH_386
#endif

/* The flag bits the kernel accepts (newer kernels added 0x4 and 0x8). */
#define SHIM_KEXEC_FLAGS	0xfUL
#define SHIM_KEXEC_FILE_FLAGS	0xfUL

/* --- SHA-256 (FIPS 180-4), self-contained so the shim is an independent
 * --- oracle: it never shares code with the library it checks. */

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	uint8_t block[64];
	size_t fill;
};

static const uint32_t sha256_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror32(uint32_t x, unsigned int n)
{
	return (x >> n) | (x << (32 - n));
}

static void sha256_init(struct sha256 *s)
{
	static const uint32_t iv[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(s->h, iv, sizeof(iv));
	s->len = 0;
	s->fill = 0;
}

static void sha256_block(struct sha256 *s, const uint8_t *p)
{
	uint32_t w[64], v[8], t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = w[i - 16] + w[i - 7] +
		       (ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^
			(w[i - 15] >> 3)) +
		       (ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^
			(w[i - 2] >> 10));
	memcpy(v, s->h, sizeof(v));
	for (i = 0; i < 64; i++) {
		t1 = v[7] + (ror32(v[4], 6) ^ ror32(v[4], 11) ^ ror32(v[4], 25)) +
		     ((v[4] & v[5]) ^ (~v[4] & v[6])) + sha256_k[i] + w[i];
		t2 = (ror32(v[0], 2) ^ ror32(v[0], 13) ^ ror32(v[0], 22)) +
		     ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
		memmove(v + 1, v, 7 * sizeof(v[0]));
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		s->h[i] += v[i];
}

static void sha256_update(struct sha256 *s, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t n;

	s->len += len;
	while (len > 0) {
		n = 64 - s->fill;
		if (n > len)
			n = len;
		memcpy(s->block + s->fill, p, n);
		s->fill += n;
		p += n;
		len -= n;
		if (s->fill == 64) {
			sha256_block(s, s->block);
			s->fill = 0;
		}
	}
}

/* Finish and write the digest as 64 lowercase hex digits plus a NUL. */
static void sha256_hex(struct sha256 *s, char hex[65])
{
	uint64_t bits = s->len * 8;
	uint8_t pad[8];
	int i;

	sha256_update(s, "\x80", 1);
	while (s->fill != 56)
		sha256_update(s, "", 1);
	for (i = 0; i < 8; i++)
		pad[i] = (uint8_t)(bits >> (56 - 8 * i));
	sha256_update(s, pad, 8);
	for (i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", (unsigned int)s->h[i]);
}

/* --- errno names --- */

#define E(x) { #x, x }
static const struct {
	const char *name;
	int value;
} errno_names[] = {
	E(EPERM), E(ENOENT), E(EINTR), E(EIO), E(E2BIG), E(ENOEXEC),
	E(EBADF), E(EAGAIN), E(ENOMEM), E(EACCES), E(EFAULT), E(EBUSY),
	E(EEXIST), E(ENODEV), E(EINVAL), E(ENOSPC), E(ESPIPE), E(EROFS),
	E(ENOSYS), E(EOVERFLOW), E(EOPNOTSUPP), E(EADDRNOTAVAIL),
	E(ETXTBSY), E(EFBIG), E(EMSGSIZE), E(EBADMSG), E(ENOKEY),
	E(EKEYREJECTED), E(EKEYREVOKED), E(EKEYEXPIRED), E(EPROTO), E(ENOTTY),
	E(ENODATA), E(ELIBBAD),
};
#undef E

static const char *errno_name(int e)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(errno_names); i++)
		if (errno_names[i].value == e)
			return errno_names[i].name;
	return "E?";
}

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "syscall-shim: %s%s\n", what, arg);
	_exit(99);	/* Automake's "hard error" */
}

/*
 * The errno to inject for CALL, or 0 to succeed.  An unknown name is a
 * bug in the test: stop with exit status 99 rather than guess.
 */
static int injected_errno(const char *call)
{
	char var[64];
	const char *val;
	char *end;
	long n;
	size_t i;

	snprintf(var, sizeof(var), "BOOTIMG_SHIM_ERRNO_%s", call);
	val = getenv(var);
	if (val == NULL || *val == '\0')
		return 0;
	for (i = 0; i < ARRAY_SIZE(errno_names); i++)
		if (strcmp(val, errno_names[i].name) == 0)
			return errno_names[i].value;
	n = strtol(val, &end, 10);
	if (*end == '\0' && n > 0 && n < 4096)
		return (int)n;
	die("unknown errno name: ", val);
	return 0;
}

/* --- the log --- */

struct record {
	char *text;
	size_t size;
	FILE *f;
};

static void record_open(struct record *r)
{
	r->text = NULL;
	r->size = 0;
	r->f = open_memstream(&r->text, &r->size);
	if (r->f == NULL)
		die("out of memory", "");
}

/* Append the record to $BOOTIMG_SHIM_LOG with one write(2). */
static void record_close(struct record *r)
{
	const char *path = getenv("BOOTIMG_SHIM_LOG");
	const char *p;
	ssize_t n;
	size_t left;
	int fd;

	if (fclose(r->f) != 0)
		die("out of memory", "");
	if (path != NULL && *path != '\0') {
		fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
		if (fd < 0)
			die("cannot open the log: ", path);
		for (p = r->text, left = r->size; left > 0; p += n, left -= n) {
			n = write(fd, p, left);
			if (n < 0 && errno == EINTR)
				n = 0;
			else if (n <= 0)
				die("cannot write the log: ", path);
		}
		close(fd);
	}
	free(r->text);
}

/* Write LEN bytes as the inside of a C string literal. */
static void put_escaped(FILE *f, const char *s, size_t len)
{
	unsigned char c;
	size_t i;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", f);
		else if (c == '\t')
			fputs("\\t", f);
		else if (c < 0x20 || c >= 0x7f)
			fprintf(f, "\\x%02x", c);
		else
			fputc(c, f);
	}
}

/*
 * Log "<hex>:<size>" for the contents of FD, read with pread(2) so the
 * caller's file offset is untouched.  Returns 0 or an errno.
 */
static int put_fd_digest(FILE *f, int fd)
{
	struct sha256 s;
	char buf[65536], hex[65];
	off_t off = 0;
	ssize_t n;

	sha256_init(&s);
	for (;;) {
		n = pread(fd, buf, sizeof(buf), off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			fprintf(f, "error:%s", errno_name(e));
			return e;
		}
		if (n == 0)
			break;
		sha256_update(&s, buf, (size_t)n);
		off += n;
	}
	sha256_hex(&s, hex);
	fprintf(f, "%s:%lld", hex, (long long)off);
	return 0;
}

/* --- the trapped calls --- */

static int fail(int e)
{
	errno = e;
	return -1;
}

/*
 * Validate like kernel/kexec.c and kexec_core.c do.  Returns 0, or an
 * errno with *why set.
 */
static int check_segments(unsigned long nr, const struct kexec_segment *seg,
			  unsigned long flags, char *why, size_t whysz)
{
	unsigned long arch = flags & KEXEC_ARCH_MASK;
	unsigned long unknown = flags & ~KEXEC_ARCH_MASK & ~SHIM_KEXEC_FLAGS;
	unsigned long i, j, mem, end;

	if (unknown != 0) {
		snprintf(why, whysz, "unknown flags 0x%lx", unknown);
		return EINVAL;
	}
	if (arch != KEXEC_ARCH_DEFAULT && arch != SHIM_KEXEC_ARCH) {
		snprintf(why, whysz, "arch 0x%lx is not this machine's", arch);
		return EINVAL;
	}
	if (nr > KEXEC_SEGMENT_MAX) {
		snprintf(why, whysz, "%lu segments, at most %d", nr,
			 KEXEC_SEGMENT_MAX);
		return EINVAL;
	}
	if (nr > 0 && seg == NULL) {
		snprintf(why, whysz, "segments is NULL");
		return EFAULT;
	}
	for (i = 0; i < nr; i++) {
		mem = (unsigned long)seg[i].mem;
		if (seg[i].buf == NULL && seg[i].bufsz > 0) {
			snprintf(why, whysz, "segment %lu buf is NULL", i);
			return EFAULT;
		}
		if (mem + seg[i].memsz < mem) {
			snprintf(why, whysz, "segment %lu mem+memsz overflows",
				 i);
			return EINVAL;
		}
		if (mem % SHIM_PAGE_SIZE != 0 ||
		    seg[i].memsz % SHIM_PAGE_SIZE != 0) {
			snprintf(why, whysz, "segment %lu mem or memsz not "
				 "page aligned", i);
			return EINVAL;
		}
		if (seg[i].bufsz > seg[i].memsz) {
			snprintf(why, whysz, "segment %lu bufsz > memsz", i);
			return EINVAL;
		}
	}
	for (i = 0; i < nr; i++) {
		mem = (unsigned long)seg[i].mem;
		end = mem + seg[i].memsz;
		for (j = 0; j < i; j++) {
			if (end > (unsigned long)seg[j].mem &&
			    mem < (unsigned long)seg[j].mem + seg[j].memsz) {
				snprintf(why, whysz, "segments %lu and %lu "
					 "overlap", j, i);
				return EINVAL;
			}
		}
	}
	return 0;
}

/*
 * Like the kernel, a KEXEC_ON_CRASH load must lie wholly inside the
 * crashkernel= reservation: BOOTIMG_SHIM_CRASH_RANGE, hex, end inclusive
 * as in /proc/iomem.  Unset means nothing is reserved.
 */
static int check_crash_range(unsigned long nr,
			     const struct kexec_segment *seg,
			     char *why, size_t whysz)
{
	const char *range = getenv("BOOTIMG_SHIM_CRASH_RANGE");
	unsigned long start, last, i, mem;

	if (range == NULL ||
	    sscanf(range, "%lx-%lx", &start, &last) != 2) {
		snprintf(why, whysz, "KEXEC_ON_CRASH without a crash "
			 "reservation (BOOTIMG_SHIM_CRASH_RANGE)");
		return EADDRNOTAVAIL;
	}
	for (i = 0; i < nr; i++) {
		mem = (unsigned long)seg[i].mem;
		if (mem < start || mem + seg[i].memsz - 1 > last) {
			snprintf(why, whysz, "segment %lu is outside the "
				 "crash reservation", i);
			return EADDRNOTAVAIL;
		}
	}
	return 0;
}

/* "  backing <i> <what>" for each segment, then the memory line. */
static void put_segments_backing(FILE *f, const struct kexec_segment *seg,
				 unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++)
		shim_put_segment_backing(f, i, seg[i].buf, seg[i].bufsz);
	shim_put_memory(f);
}

static long trap_kexec_load(unsigned long entry, unsigned long nr,
			    const struct kexec_segment *seg,
			    unsigned long flags)
{
	struct record r;
	struct sha256 s;
	char hex[65], why[128];
	unsigned long i;
	int err, inject;

	inject = injected_errno("KEXEC_LOAD");
	err = check_segments(nr, seg, flags, why, sizeof(why));
	if (err == 0 && nr > 0 && (flags & KEXEC_ON_CRASH))
		err = check_crash_range(nr, seg, why, sizeof(why));
	record_open(&r);
	fprintf(r.f, "kexec_load entry=0x%lx nr_segments=%lu flags=0x%lx\n",
		entry, nr, flags);
	for (i = 0; seg != NULL && nr <= KEXEC_SEGMENT_MAX && i < nr; i++) {
		if (seg[i].buf == NULL && seg[i].bufsz > 0) {
			strcpy(hex, "-");
		} else {
			sha256_init(&s);
			sha256_update(&s, seg[i].buf, seg[i].bufsz);
			sha256_hex(&s, hex);
		}
		fprintf(r.f, "  segment %lu mem=0x%lx memsz=0x%lx bufsz=0x%lx "
			"sha256=%s\n", i, (unsigned long)seg[i].mem,
			(unsigned long)seg[i].memsz,
			(unsigned long)seg[i].bufsz, hex);
	}
	if (shim_backing_wanted() && seg != NULL && nr <= KEXEC_SEGMENT_MAX)
		put_segments_backing(r.f, seg, nr);
	if (err != 0)
		fprintf(r.f, "  invalid: %s\n", why);
	record_close(&r);
	if (err == 0)
		err = inject;
	return err ? fail(err) : 0;
}

#ifdef SYS_kexec_file_load	/* not on i386 */
static long trap_kexec_file_load(int kernel_fd, int initrd_fd,
				 unsigned long cmdline_len,
				 const char *cmdline, unsigned long flags)
{
	struct record r;
	int err = 0, e, inject;
	const char *why = NULL;

	inject = injected_errno("KEXEC_FILE_LOAD");
	record_open(&r);
	fputs("kexec_file_load kernel=", r.f);
	if (kernel_fd < 0) {
		fputs("none", r.f);
	} else if ((e = put_fd_digest(r.f, kernel_fd)) != 0) {
		err = e;
		why = "cannot read the kernel fd";
	}
	fputs(" initrd=", r.f);
	if (initrd_fd < 0) {
		fputs("none", r.f);
	} else if ((e = put_fd_digest(r.f, initrd_fd)) != 0 &&
		   !(flags & KEXEC_FILE_NO_INITRAMFS) && err == 0) {
		err = e;
		why = "cannot read the initrd fd";
	}
	fprintf(r.f, " flags=0x%lx cmdline_len=%lu cmdline=", flags,
		cmdline_len);
	if (cmdline_len > 0 && cmdline == NULL) {
		fputs("NULL\n", r.f);
		if (!(flags & KEXEC_FILE_UNLOAD) && err == 0) {
			err = EFAULT;
			why = "cmdline is NULL";
		}
	} else {
		size_t n = cmdline_len;

		if (n > 0 && cmdline[n - 1] == '\0')
			n--;
		fputc('"', r.f);
		put_escaped(r.f, cmdline, n);
		fputs("\"\n", r.f);
		if (n == cmdline_len && n > 0 && err == 0 &&
		    !(flags & KEXEC_FILE_UNLOAD)) {
			err = EINVAL;
			why = "cmdline_len does not count a final NUL";
		}
	}
	if (shim_backing_wanted()) {
		fputs("  backing kernel=", r.f);
		shim_put_fd_backing(r.f, kernel_fd);
		fputs(" initrd=", r.f);
		shim_put_fd_backing(r.f, initrd_fd);
		fputc('\n', r.f);
		shim_put_memory(r.f);
	}
	if (flags & ~SHIM_KEXEC_FILE_FLAGS) {
		err = EINVAL;
		why = "unknown flags";
	} else if (flags & KEXEC_FILE_UNLOAD) {
		err = 0;	/* the kernel ignores everything else */
	} else if (err == 0 && kernel_fd < 0) {
		err = EBADF;
		why = "no kernel fd";
	} else if (err == 0 && initrd_fd < 0 &&
		   !(flags & KEXEC_FILE_NO_INITRAMFS)) {
		err = EBADF;
		why = "no initrd fd and no KEXEC_FILE_NO_INITRAMFS";
	}
	if (err != 0)
		fprintf(r.f, "  invalid: %s\n", why);
	record_close(&r);
	if (err == 0)
		err = inject;
	return err ? fail(err) : 0;
}
#endif

static int trap_reboot(unsigned int cmd)
{
	struct record r;
	int inject = injected_errno("REBOOT");

	record_open(&r);
	fprintf(r.f, "reboot cmd=0x%x\n", cmd);
	record_close(&r);
	return inject ? fail(inject) : 0;
}

/* The ioctls of bootimg.ko, by their number. */
static const char *const bootimg_ioctl_names[] = {
	[1] = "LOAD", [2] = "UNLOAD", [3] = "STATUS", [4] = "EXEC",
};

static void put_bootimg_load(FILE *f, const struct bootimg_ioc_load *load)
{
	const struct bootimg_ioc_segment *seg;
	struct sha256 s;
	char hex[65];
	__u32 i;

	fprintf(f, " version=%u flags=0x%x entry=0x%llx nr_segments=%u\n",
		load->version, load->flags, (unsigned long long)load->entry,
		load->nr_segments);
	seg = (const struct bootimg_ioc_segment *)(uintptr_t)load->segments;
	for (i = 0; seg && i < load->nr_segments &&
		    i < BOOTIMG_MAX_SEGMENTS; i++) {
		sha256_init(&s);
		sha256_update(&s, (const void *)(uintptr_t)seg[i].buf,
			      (size_t)seg[i].bufsz);
		sha256_hex(&s, hex);
		fprintf(f, "  segment %u mem=0x%llx memsz=0x%llx bufsz=0x%llx "
			"sha256=%s\n", i, (unsigned long long)seg[i].mem,
			(unsigned long long)seg[i].memsz,
			(unsigned long long)seg[i].bufsz, hex);
	}
	for (i = 0; shim_backing_wanted() && seg && i < load->nr_segments &&
		    i < BOOTIMG_MAX_SEGMENTS; i++)
		shim_put_segment_backing(f, i,
					 (const void *)(uintptr_t)seg[i].buf,
					 (size_t)seg[i].bufsz);
	if (shim_backing_wanted())
		shim_put_memory(f);
}

/* Log "bootimg_ioctl NAME ..." and succeed or fail as told. */
static int trap_bootimg_ioctl(unsigned long request, void *arg)
{
	unsigned int nr = _IOC_NR(request);
	const char *name = nr < 5 ? bootimg_ioctl_names[nr] : NULL;
	const char *loaded = getenv("BOOTIMG_SHIM_BOOTIMG_LOADED");
	char call[32];
	struct record r;
	int inject;

	if (name == NULL)
		return fail(ENOTTY);
	snprintf(call, sizeof(call), "BOOTIMG_%s", name);
	inject = injected_errno(call);
	record_open(&r);
	fprintf(r.f, "bootimg_ioctl %s", name);
	if (request == BOOTIMG_IOC_LOAD)
		put_bootimg_load(r.f, arg);
	else
		fputc('\n', r.f);
	record_close(&r);
	if (inject)
		return fail(inject);
	if (request == BOOTIMG_IOC_STATUS)
		*(struct bootimg_ioc_status *)arg = (struct bootimg_ioc_status){
			.version = BOOTIMG_UAPI_VERSION,
			.flags = loaded && strcmp(loaded, "1") == 0 ?
				 BOOTIMG_STATUS_LOADED : 0,
		};
	return 0;
}

/* --- the exported overrides --- */

SHIM_EXPORT const char bootimg_syscall_shim[] = BOOTIMG_SHIM_MARKER;

typedef long (*syscall_fn)(long, ...);

SHIM_EXPORT long syscall(long number, ...)
{
	static syscall_fn real;
	long a[6];
	va_list ap;
	int i;

	/*
	 * Like glibc's syscall(), take six arguments whatever the call:
	 * the ones the caller did not pass are don't-care registers.
	 */
	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);

	switch (number) {
	case SYS_kexec_load:
		return trap_kexec_load((unsigned long)a[0],
				       (unsigned long)a[1],
				       (const struct kexec_segment *)a[2],
				       (unsigned long)a[3]);
#ifdef SYS_kexec_file_load
	case SYS_kexec_file_load:
		return trap_kexec_file_load((int)a[0], (int)a[1],
					    (unsigned long)a[2],
					    (const char *)a[3],
					    (unsigned long)a[4]);
#endif
	case SYS_reboot:
		/* reboot(magic1, magic2, cmd, arg): never let it through. */
		if ((unsigned int)a[0] != LINUX_REBOOT_MAGIC1 ||
		    ((unsigned int)a[1] != LINUX_REBOOT_MAGIC2 &&
		     (unsigned int)a[1] != LINUX_REBOOT_MAGIC2A &&
		     (unsigned int)a[1] != LINUX_REBOOT_MAGIC2B &&
		     (unsigned int)a[1] != LINUX_REBOOT_MAGIC2C))
			return fail(EINVAL);
		return trap_reboot((unsigned int)a[2]);
	}

	if (real == NULL) {
		real = (syscall_fn)dlsym(RTLD_NEXT, "syscall");
		if (real == NULL)
			return fail(ENOSYS);
	}
	return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

SHIM_EXPORT int reboot(int cmd)
{
	return trap_reboot((unsigned int)cmd);
}

typedef uid_t (*geteuid_fn)(void);

/*
 * The golden cases' output must not depend on who runs make check:
 * bootimg words a refusal and reports --check's facts by its effective
 * user.  Only what geteuid() says changes, not the kernel's checks.
 */
SHIM_EXPORT uid_t geteuid(void)
{
	static geteuid_fn real;
	const char *euid = getenv("BOOTIMG_SHIM_EUID");

	if (euid != NULL && *euid != '\0')
		return (uid_t)strtoul(euid, NULL, 10);
	if (real == NULL) {
		real = (geteuid_fn)dlsym(RTLD_NEXT, "geteuid");
		if (real == NULL)
			return (uid_t)-1;
	}
	return real();
}

typedef int (*ioctl_fn)(int, unsigned long, ...);

SHIM_EXPORT int ioctl(int fd, unsigned long request, ...)
{
	static ioctl_fn real;
	void *arg;
	va_list ap;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (_IOC_TYPE(request) == BOOTIMG_IOC_MAGIC)
		return trap_bootimg_ioctl(request, arg);
	if (real == NULL) {
		real = (ioctl_fn)dlsym(RTLD_NEXT, "ioctl");
		if (real == NULL)
			return fail(ENOSYS);
	}
	return real(fd, request, arg);
}

typedef ssize_t (*getrandom_fn)(void *, size_t, unsigned int);

/*
 * The boot_params of a golden case hold an RNG seed: a blocking call
 * (what the library draws seeds and KASLR offsets with) can be made to
 * give the same bytes on every run, or to fail.  A GRND_NONBLOCK call
 * (the kernel cache's temporary names) always goes to libc.
 */
SHIM_EXPORT ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	static getrandom_fn real;
	const char *mode = getenv("BOOTIMG_SHIM_RANDOM");
	int e;
	size_t i;

	if (!(flags & GRND_NONBLOCK)) {
		e = injected_errno("GETRANDOM");
		if (e)
			return fail(e);
		if (mode != NULL && strcmp(mode, "fixed") == 0) {
			for (i = 0; i < len; i++)
				((uint8_t *)buf)[i] = (uint8_t)(0xa5 ^ i);
			return (ssize_t)len;
		}
	}
	if (real == NULL) {
		real = (getrandom_fn)dlsym(RTLD_NEXT, "getrandom");
		if (real == NULL)
			return fail(ENOSYS);
	}
	return real(buf, len, flags);
}
