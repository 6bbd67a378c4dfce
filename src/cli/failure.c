// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The one table from a library failure (its cause, errno and method, as
 * the error channel records them) to words and an exit code.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "escape.h"
#include "failure.h"
#include "macros.h"

#define ANY_METHOD BOOTIMG_METHOD_AUTO

/* Words that two errnos share. */
#define SIGNATURE_REJECTED "the running kernel rejected the image's " \
	"signature (or its lack of one); only an explicit --method=kexec " \
	"loads it unchecked"
#define NO_ROOM_IN_RAM "the kernel and initrds do not fit in this " \
	"machine's RAM"

struct wording {
	enum bootimg_cause cause;	/* NONE: a row for ERR alone */
	int err;			/* positive; 0 with a cause: any */
	enum bootimg_method method;	/* the method refused, or any */
	int exit_code;
	const char *words;
};

/* The first row that matches wins: a method's own before any method's. */
static const struct wording table[] = {
	{ BOOTIMG_CAUSE_NOT_REGULAR_FILE, 0, ANY_METHOD, EXIT_UNREADABLE,
	  "cannot be read: not a regular file (a FIFO, socket or device)" },
	{ BOOTIMG_CAUSE_INITRD_FILES_TOO_LARGE, 0, ANY_METHOD, EXIT_UNREADABLE,
	  "too large for --initrd-file: the files add up to more than "
	  "256 MiB" },
	{ BOOTIMG_CAUSE_CMDLINE_TOO_LONG, 0, ANY_METHOD, EXIT_CMDLINE_TOO_LONG,
	  "the command line is longer than this kernel's limit" },
	{ BOOTIMG_CAUSE_MODULES_NEED_MULTIBOOT, 0, ANY_METHOD,
	  EXIT_WRONG_INPUTS, "only a multiboot kernel takes --module" },
	{ BOOTIMG_CAUSE_MULTIBOOT_TAKES_MODULES, 0, ANY_METHOD,
	  EXIT_WRONG_INPUTS,
	  "a multiboot kernel takes --module, not --initrd" },
	{ BOOTIMG_CAUSE_NO_CRASH_RESERVATION, 0, ANY_METHOD, EXIT_NO_MEMORY,
	  "no memory is reserved for a panic kernel: boot the running kernel "
	  "with crashkernel=SIZE" },
	{ BOOTIMG_CAUSE_CRASH_RESERVATION_FULL, 0, ANY_METHOD, EXIT_NO_MEMORY,
	  "the panic kernel and initrds do not fit in the memory reserved by "
	  "crashkernel=" },
	{ BOOTIMG_CAUSE_NOT_ROOT, 0, ANY_METHOD, EXIT_NOT_PERMITTED,
	  "permission denied: loading a kernel needs root (CAP_SYS_BOOT)" },
	{ BOOTIMG_CAUSE_LOCKED_DOWN, 0, ANY_METHOD, EXIT_NOT_PERMITTED,
	  "the kernel is locked down: only --method=file with a signed "
	  "kernel is allowed" },
	{ BOOTIMG_CAUSE_KEXEC_DISABLED, 0, ANY_METHOD, EXIT_NOT_PERMITTED,
	  "kexec is disabled (kernel.kexec_load_disabled=1); auto does not "
	  "override that: --method=module exists for bootimg.ko loaded with "
	  "override_kexec_load_disabled=1" },
	{ BOOTIMG_CAUSE_OUTSIDE_RAM, 0, BOOTIMG_METHOD_MODULE, EXIT_NO_MEMORY,
	  "a segment lies outside the machine's RAM (bootimg.ko refused the "
	  "plan)" },
	{ BOOTIMG_CAUSE_OUTSIDE_RAM, 0, BOOTIMG_METHOD_KEXEC, EXIT_NO_MEMORY,
	  "a segment lies outside the machine's RAM (kexec_load refused the "
	  "plan)" },
	{ BOOTIMG_CAUSE_OUTSIDE_RAM, 0, ANY_METHOD, EXIT_NO_MEMORY,
	  "a segment lies outside the machine's RAM" },
	{ BOOTIMG_CAUSE_OUTSIDE_CRASH_RESERVATION, 0, BOOTIMG_METHOD_KEXEC,
	  EXIT_NO_MEMORY, "a segment lies outside the memory reserved by "
	  "crashkernel= (kexec_load refused the plan)" },
	{ BOOTIMG_CAUSE_OUTSIDE_CRASH_RESERVATION, 0, ANY_METHOD,
	  EXIT_NO_MEMORY, "a segment lies outside the memory reserved by "
	  "crashkernel=" },
	{ BOOTIMG_CAUSE_CACHE_NOT_PRIVATE, 0, ANY_METHOD, EXIT_NOT_PERMITTED,
	  "not used as the cache of unpacked kernels: it must be a directory "
	  "of this user's own, mode 0700" },
	{ BOOTIMG_CAUSE_CACHE_BOUND, 0, ANY_METHOD, EXIT_FAILED,
	  "its unpacked kernel is larger than the cache's bound "
	  "(--cache-size)" },
	{ BOOTIMG_CAUSE_SEGMENT_RANGE, 0, ANY_METHOD, EXIT_BAD_IMAGE,
	  "malformed image: a segment's memory size is smaller than its file "
	  "size, or its addresses run past the physical address space (4 GiB "
	  "for a 32-bit kernel)" },
	{ BOOTIMG_CAUSE_DECOMPRESSION_BOMB, 0, ANY_METHOD, EXIT_BAD_IMAGE,
	  "unpacks to more than its kernel header declares (or to more than "
	  "1 GiB): a decompression bomb, not a kernel image" },
	{ BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD, 0, ANY_METHOD, EXIT_BAD_IMAGE,
	  "--fast-boot cannot unpack this image: not a bzImage of boot "
	  "protocol 2.08 or later with a gzip, xz or zstd payload; boot it "
	  "without --fast-boot" },
	{ BOOTIMG_CAUSE_RELOCS_DAMAGED, 0, ANY_METHOD, EXIT_BAD_IMAGE,
	  "--fast-boot: the relocation table after the vmlinux in its payload "
	  "is damaged (an entry outside the image, a list without its "
	  "terminator, or a size not a multiple of 4); boot it without "
	  "--fast-boot" },
	{ BOOTIMG_CAUSE_TOO_MANY_SEGMENTS, 0, ANY_METHOD, EXIT_FAILED,
	  "too many segments for kexec_load (at most 16)" },
	{ BOOTIMG_CAUSE_MULTIBOOT_NEEDS, 0, ANY_METHOD, EXIT_UNSUPPORTED,
	  "a multiboot kernel that needs what bootimg does not provide (a "
	  "video mode, an unknown requirement flag, or, without the header's "
	  "address fields, a format other than 32-bit ELF)" },

	{ BOOTIMG_CAUSE_NONE, ENOENT, ANY_METHOD, EXIT_UNREADABLE,
	  "no such file" },
	{ BOOTIMG_CAUSE_NONE, EACCES, ANY_METHOD, EXIT_UNREADABLE,
	  "cannot read it: permission denied" },
	{ BOOTIMG_CAUSE_NONE, EISDIR, ANY_METHOD, EXIT_UNREADABLE,
	  "is a directory, not a file" },
	{ BOOTIMG_CAUSE_NONE, ENXIO, ANY_METHOD, EXIT_UNREADABLE,
	  "cannot be read: no device behind it" },
	{ BOOTIMG_CAUSE_NONE, ENOEXEC, ANY_METHOD, EXIT_BAD_IMAGE,
	  "not a kernel image that bootimg can boot this way (bzImage or ELF "
	  "vmlinux, possibly compressed with gzip, xz or zstd, a UKI: an EFI "
	  "program with a .linux section, or a multiboot kernel; --entry=32 "
	  "needs a bzImage or a 32-bit vmlinux)" },
	{ BOOTIMG_CAUSE_NONE, EOPNOTSUPP, ANY_METHOD, EXIT_UNSUPPORTED,
	  "kexec_file_load cannot load this image format; use --method=kexec" },
	{ BOOTIMG_CAUSE_NONE, EBADMSG, ANY_METHOD, EXIT_BAD_IMAGE,
	  "truncated or corrupt kernel image" },
	{ BOOTIMG_CAUSE_NONE, E2BIG, ANY_METHOD, EXIT_CMDLINE_TOO_LONG,
	  "the command line is longer than this kernel's limit" },
	{ BOOTIMG_CAUSE_NONE, ENOSPC, ANY_METHOD, EXIT_NO_MEMORY,
	  NO_ROOM_IN_RAM },
	{ BOOTIMG_CAUSE_NONE, ENOMEM, ANY_METHOD, EXIT_NO_MEMORY,
	  NO_ROOM_IN_RAM },
	{ BOOTIMG_CAUSE_NONE, EPERM, ANY_METHOD, EXIT_NOT_PERMITTED,
	  "operation not permitted by the kernel" },
	{ BOOTIMG_CAUSE_NONE, EKEYREJECTED, ANY_METHOD, EXIT_NOT_PERMITTED,
	  SIGNATURE_REJECTED },
	{ BOOTIMG_CAUSE_NONE, EKEYREVOKED, ANY_METHOD, EXIT_NOT_PERMITTED,
	  SIGNATURE_REJECTED },
	{ BOOTIMG_CAUSE_NONE, ENOSYS, BOOTIMG_METHOD_FILE, EXIT_UNSUPPORTED,
	  "the running kernel has no kexec_file_load (i386 kernels never "
	  "have it); use --method=kexec" },
	{ BOOTIMG_CAUSE_NONE, ENOSYS, BOOTIMG_METHOD_MODULE, EXIT_UNSUPPORTED,
	  "bootimg.ko is not loaded (modprobe bootimg)" },
	{ BOOTIMG_CAUSE_NONE, ENOSYS, ANY_METHOD, EXIT_UNSUPPORTED,
	  "the running kernel does not provide this kexec interface" },
	{ BOOTIMG_CAUSE_NONE, EADDRNOTAVAIL, ANY_METHOD, EXIT_NO_MEMORY,
	  "a segment lies outside the machine's RAM" },
	{ BOOTIMG_CAUSE_NONE, EPROTO, ANY_METHOD, EXIT_UNSUPPORTED,
	  "bootimg.ko speaks another interface version than this bootimg" },
	{ BOOTIMG_CAUSE_NONE, EBUSY, ANY_METHOD, EXIT_FAILED,
	  "a kexec is already in progress" },
};

static int row_matches(const struct wording *row,
		       const struct bootimg_error *e)
{
	if (row->method != ANY_METHOD && row->method != e->method)
		return 0;
	if (row->cause != BOOTIMG_CAUSE_NONE)
		return row->cause == e->cause;
	return row->err == -e->err;
}

static const struct wording *find_wording(const struct bootimg_error *e)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(table); i++)
		if (row_matches(&table[i], e))
			return &table[i];
	return NULL;
}

/*
 * ERR as the error channel recorded it; a failure it did not record
 * (a prediction of bootimg_check) is its errno alone.
 */
static struct bootimg_error recorded(const struct bootimg *ctx, int err)
{
	const struct bootimg_error *last = bootimg_last_error(ctx);

	if (last->err == err)
		return *last;
	return (struct bootimg_error){ .err = err,
				       .method = BOOTIMG_METHOD_AUTO };
}

const char *describe_failure(const struct bootimg *ctx, int err, char *buf,
			     size_t size, int *exit_code)
{
	struct bootimg_error e = recorded(ctx, err);
	const struct wording *w = find_wording(&e);

	if (!w) {
		*exit_code = EXIT_FAILED;
		return strerror(-err);
	}
	*exit_code = w->exit_code;
	if (e.cause != BOOTIMG_CAUSE_CMDLINE_TOO_LONG)
		return w->words;
	snprintf(buf, size, "%s of %llu bytes", w->words,
		 (unsigned long long)e.limit);
	return buf;
}

int report_failure(struct bootimg *ctx, int err, const char *doing)
{
	const char *path = bootimg_error_path(ctx);
	const char *cause;
	char buf[96];
	int code;

	cause = describe_failure(ctx, err, buf, sizeof(buf), &code);
	fputs("bootimg: ", stderr);
	put_escaped(stderr, path ? path : doing);
	fprintf(stderr, ": %s\n", cause);
	return code;
}
