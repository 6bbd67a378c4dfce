/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Library-private declarations shared by several files of libbootimg. */
#ifndef BOOTIMG_INTERNAL_H
#define BOOTIMG_INTERNAL_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "bootimg.h"

#define BI_PAGE_SIZE 4096u
#define BI_MIB (1024u * 1024u)
#define BI_VERSION_SIZE 128	/* a kernel's version string, with its NUL */

/* The text the public structs' strings point to (bootimg.h). */
struct bi_public_text {
	char version[BI_VERSION_SIZE];	/* bootimg_info's, of bootimg_probe() */
	char release[65];	/* bootimg_facts', of bootimg_read_facts() */
	char config[96];
	char watchdog[64];
	char *cmdline;		/* bootimg_load_result's, malloc'd */
};

struct bootimg {
	char *sysroot;		/* "" for the real /sys and /proc */
	struct bootimg_error error;	/* the last failure; path malloc'd */
	enum bootimg_method trying;	/* the method loading now, or AUTO */
	void (*log_fn)(void *data, int priority, const char *format,
		       va_list args);
	void *log_data;
	struct bi_public_text text;
};

/* Read /sys, /proc, /dev and /boot below ROOT instead of / (tests). */
int bi_set_sysroot(struct bootimg *ctx, const char *root);

/*
 * A failure that a plain errno would not tell, as code deep in the
 * library returns it where it has no context: a code past every errno
 * (like the kernel's own above 511), never returned by the library.
 * bi_fail() records its cause and turns it into the cause's plain errno.
 */
#define BI_CAUSE_BASE 4096

static inline int bi_cause(enum bootimg_cause cause)
{
	return -(BI_CAUSE_BASE + (int)cause);
}

/* The plain errno that a failure of CAUSE returns. */
int bi_cause_errno(enum bootimg_cause cause);

/*
 * Record ERR with PATH as the file behind it, and no cause (or the one
 * bi_cause() made ERR); returns ERR, a plain errno.
 */
int bi_fail(struct bootimg *ctx, const char *path, int err);

/* -E2BIG: the command line is longer than the kernel PATH's LIMIT. */
int bi_fail_cmdline_too_long(struct bootimg *ctx, const char *path,
			     uint64_t limit);

/*
 * Name PATH as the file behind ERR unless the channel names one already,
 * keeping the cause recorded with ERR; returns ERR.
 */
int bi_fail_blame(struct bootimg *ctx, const char *path, int err);

/* Give the failure just recorded CAUSE if it has none; returns its ERR. */
int bi_fail_add_cause(struct bootimg *ctx, enum bootimg_cause cause);

/* Forget the last failure, at the start of a call. */
void bi_clear_error(struct bootimg *ctx);

/* A message for the log function, if one is set. */
void bi_log(struct bootimg *ctx, int priority, const char *format, ...)
	__attribute__((format(printf, 3, 4)));

/* Build "<sysroot><path>" into BUF; -ENAMETOOLONG if it does not fit. */
int bi_sysroot_path(const struct bootimg *ctx, const char *path,
		    char *buf, size_t size);

/* Read a small text file below the sysroot into BUF, NUL-terminated. */
int bi_read_sysfile(const struct bootimg *ctx, const char *path,
		    char *buf, size_t size);

/* Read a number (decimal, or 0x hex) from a small file below the sysroot. */
int bi_read_u64(const struct bootimg *ctx, const char *path, uint64_t *value);

/*
 * The next line of the text at *POS (before END) into LINE, without its
 * newline, cut to SIZE - 1 bytes and NUL-terminated; 0 past the end.
 */
int bi_next_line(const char **pos, const char *end, char *line, size_t size);

/* Read a whole file below the sysroot into a malloc'd buffer. */
int bi_read_whole(const struct bootimg *ctx, const char *path, char **buf,
		  size_t *len);

/* Write all SIZE bytes of DATA to FD, through short writes and EINTR. */
int bi_write_all(int fd, const void *data, size_t size);

static inline uint64_t bi_align_up(uint64_t v, uint64_t align)
{
	return (v + align - 1) & ~(align - 1);
}

static inline uint64_t bi_align_down(uint64_t v, uint64_t align)
{
	return v & ~(align - 1);
}

#endif
