// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "escape.h"
#include "failure.h"
#include "sysroot.h"

/* Does PATH, below $BOOTIMG_SYSROOT as the library reads it, hold TEXT? */
static int file_contains(const char *path, const char *text)
{
	char buf[256];

	return sysroot_read(path, buf, sizeof(buf)) >= 0 &&
	       strstr(buf, text) != NULL;
}

/* EPERM has several causes; name the one that applies here. */
static const char *why_not_permitted(void)
{
	if (geteuid() != 0)
		return "permission denied: loading a kernel needs root "
		       "(CAP_SYS_BOOT)";
	if (file_contains("/sys/kernel/security/lockdown", "[integrity]") ||
	    file_contains("/sys/kernel/security/lockdown",
			  "[confidentiality]"))
		return "the kernel is locked down: only --method=file with a "
		       "signed kernel is allowed";
	if (file_contains("/proc/sys/kernel/kexec_load_disabled", "1"))
		return "kexec is disabled (kernel.kexec_load_disabled=1); "
		       "auto does not override that: --method=module exists "
		       "for bootimg.ko loaded with "
		       "override_kexec_load_disabled=1";
	return "operation not permitted by the kernel";
}

static int cmdline_limit(struct bootimg *ctx, const char *kernel)
{
	struct bootimg_info info = { .size = sizeof(info) };

	if (!kernel || bootimg_probe(ctx, kernel, &info) < 0)
		return -1;
	return (int)info.cmdline_size;
}

static int is_multiboot(struct bootimg *ctx, const char *kernel)
{
	struct bootimg_info info = { .size = sizeof(info) };

	return kernel && bootimg_probe(ctx, kernel, &info) == 0 &&
	       strncmp(info.format, "multiboot", 9) == 0;
}

const char *describe_failure(struct bootimg *ctx, int err, const char *what,
			     char *buf, size_t size, int *exit_code)
{
	const char *cause;
	int code;

	switch (-err) {
	case ENOENT:
		cause = "no such file";
		code = EXIT_UNREADABLE;
		break;
	case EACCES:
		cause = "cannot read it: permission denied";
		code = EXIT_UNREADABLE;
		break;
	case EISDIR:
		cause = "is a directory, not a file";
		code = EXIT_UNREADABLE;
		break;
	case ENXIO:
		cause = "cannot be read: not a regular file (a FIFO, socket "
			"or device)";
		code = EXIT_UNREADABLE;
		break;
	case EOVERFLOW:
		cause = "too large for --initrd-file: the files add up to "
			"more than 256 MiB";
		code = EXIT_UNREADABLE;
		break;
	case ENOEXEC:
		cause = "not a kernel image that bootimg can boot this way "
			"(bzImage or ELF vmlinux, possibly compressed with "
			"gzip, xz or zstd, a UKI: an EFI program with a "
			".linux section, or a multiboot kernel; --entry=32 "
			"needs a bzImage or a 32-bit vmlinux)";
		code = EXIT_BAD_IMAGE;
		break;
	case ERANGE:
		cause = "malformed image: a segment's memory size is smaller "
			"than its file size, or its addresses run past the "
			"physical address space (4 GiB for a 32-bit kernel)";
		code = EXIT_BAD_IMAGE;
		break;
	case EFBIG:
		cause = "unpacks to more than its kernel header declares "
			"(or to more than 1 GiB): a decompression bomb, not a "
			"kernel image";
		code = EXIT_BAD_IMAGE;
		break;
	case EOPNOTSUPP:
		cause = "kexec_file_load cannot load this image format; "
			"use --method=kexec";
		code = EXIT_UNSUPPORTED;
		break;
	case EPROTONOSUPPORT:
		cause = "--fast-boot cannot unpack this image: not a bzImage "
			"of boot protocol 2.08 or later with a gzip, xz or "
			"zstd payload; boot it without --fast-boot";
		code = EXIT_BAD_IMAGE;
		break;
	case EILSEQ:
		cause = "--fast-boot: the relocation table after the vmlinux "
			"in its payload is damaged (an entry outside the "
			"image, a list without its terminator, or a size not "
			"a multiple of 4); boot it without --fast-boot";
		code = EXIT_BAD_IMAGE;
		break;
	case EBADMSG:
		cause = "truncated or corrupt kernel image";
		code = EXIT_BAD_IMAGE;
		break;
	case E2BIG:
		snprintf(buf, size, "the command line is longer than this "
			 "kernel's limit of %d bytes", cmdline_limit(ctx, what));
		cause = buf;
		code = EXIT_CMDLINE_TOO_LONG;
		break;
	case ENOSPC:
	case ENOMEM:
		cause = "the kernel and initrds do not fit in this machine's RAM";
		code = EXIT_NO_MEMORY;
		break;
	case ETOOMANYREFS:
		cause = "too many segments for kexec_load (at most 16)";
		code = EXIT_FAILED;
		break;
	case EPERM:
		cause = why_not_permitted();
		code = EXIT_NOT_PERMITTED;
		break;
	case EKEYREJECTED:
	case EKEYREVOKED:
		cause = "the running kernel rejected the image's signature "
			"(or its lack of one); only an explicit --method=kexec "
			"loads it unchecked";
		code = EXIT_NOT_PERMITTED;
		break;
	case ENOSYS:
		cause = strcmp(what, "/dev/bootimg") == 0 ?
			"bootimg.ko is not loaded (modprobe bootimg)" :
			"the running kernel does not provide this kexec "
			"interface";
		code = EXIT_UNSUPPORTED;
		break;
	case EADDRNOTAVAIL:
		cause = "a segment lies outside the machine's RAM "
			"(bootimg.ko refused the plan)";
		code = EXIT_NO_MEMORY;
		break;
	case EPROTO:
		cause = "bootimg.ko speaks another interface version than "
			"this bootimg";
		code = EXIT_UNSUPPORTED;
		break;
	case EDESTADDRREQ:
		cause = "no memory is reserved for a panic kernel: boot the "
			"running kernel with crashkernel=SIZE";
		code = EXIT_NO_MEMORY;
		break;
	case ENOPROTOOPT:
		cause = "a multiboot kernel that needs what bootimg does not "
			"provide (a video mode, an unknown requirement flag, "
			"or, without the header's address fields, a format "
			"other than 32-bit ELF)";
		code = EXIT_UNSUPPORTED;
		break;
	case EMEDIUMTYPE:
		cause = is_multiboot(ctx, what) ?
			"a multiboot kernel takes --module, not --initrd" :
			"only a multiboot kernel takes --module";
		code = EXIT_WRONG_INPUTS;
		break;
	case EBUSY:
		cause = "a kexec is already in progress";
		code = EXIT_FAILED;
		break;
	default:
		cause = strerror(-err);
		code = EXIT_FAILED;
		break;
	}
	*exit_code = code;
	return cause;
}

int report_failure(struct bootimg *ctx, int err, const char *doing)
{
	const char *path = bootimg_error_path(ctx);
	char what[512], buf[96];
	const char *cause;
	int code;

	snprintf(what, sizeof(what), "%s", path ? path : doing);
	cause = describe_failure(ctx, err, what, buf, sizeof(buf), &code);
	fputs("bootimg: ", stderr);
	put_escaped(stderr, what);
	fprintf(stderr, ": %s\n", cause);
	return code;
}
