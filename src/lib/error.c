// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The error channel: the last failure's errno, file, method and cause,
 * recorded where it happens; and the log through which the library
 * explains its choices.
 */
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "macros.h"

/* Each cause: the plain errno it goes with, and a few words. */
static const struct {
	int err;
	const char *reason;
} causes[] = {
	[BOOTIMG_CAUSE_NOT_REGULAR_FILE] = { -EINVAL, "not a regular file" },
	[BOOTIMG_CAUSE_INITRD_FILES_TOO_LARGE] = { -EFBIG,
		"the initrd files add up to more than 256 MiB" },
	[BOOTIMG_CAUSE_CMDLINE_TOO_LONG] = { -E2BIG,
		"the command line is longer than the kernel's limit" },
	[BOOTIMG_CAUSE_MODULES_NEED_MULTIBOOT] = { -EINVAL,
		"modules for a kernel other than multiboot" },
	[BOOTIMG_CAUSE_MULTIBOOT_TAKES_MODULES] = { -EINVAL,
		"initrds for a multiboot kernel" },
	[BOOTIMG_CAUSE_MULTIBOOT_NEEDS] = { -EOPNOTSUPP,
		"the multiboot kernel needs what bootimg does not provide" },
	[BOOTIMG_CAUSE_SEGMENT_RANGE] = { -EBADMSG,
		"a segment's sizes or addresses are out of range" },
	[BOOTIMG_CAUSE_DECOMPRESSION_BOMB] = { -EFBIG,
		"unpacks to more than its kernel declares" },
	[BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD] = { -EOPNOTSUPP,
		"fast boot cannot unpack this payload" },
	[BOOTIMG_CAUSE_RELOCS_DAMAGED] = { -EBADMSG,
		"the relocation table is damaged" },
	[BOOTIMG_CAUSE_TOO_MANY_SEGMENTS] = { -E2BIG,
		"more than 16 segments" },
	[BOOTIMG_CAUSE_NO_CRASH_RESERVATION] = { -ENOSPC,
		"no memory is reserved for a panic kernel" },
	[BOOTIMG_CAUSE_CRASH_RESERVATION_FULL] = { -ENOSPC,
		"the panic kernel does not fit in the crash reservation" },
	[BOOTIMG_CAUSE_NOT_ROOT] = { -EPERM,
		"loading a kernel needs CAP_SYS_BOOT" },
	[BOOTIMG_CAUSE_LOCKED_DOWN] = { -EPERM, "the kernel is locked down" },
	[BOOTIMG_CAUSE_KEXEC_DISABLED] = { -EPERM,
		"kernel.kexec_load_disabled=1" },
	[BOOTIMG_CAUSE_OUTSIDE_RAM] = { -EADDRNOTAVAIL,
		"a segment outside RAM" },
	[BOOTIMG_CAUSE_OUTSIDE_CRASH_RESERVATION] = { -EADDRNOTAVAIL,
		"a segment outside the crash reservation" },
	[BOOTIMG_CAUSE_CACHE_NOT_PRIVATE] = { -EPERM,
		"the cache directory is not private" },
	[BOOTIMG_CAUSE_CACHE_BOUND] = { -EFBIG,
		"the kernel is larger than the cache's bound" },
};

#define N_CAUSES ARRAY_SIZE(causes)

const char *bootimg_error_path(const struct bootimg *ctx)
{
	return ctx->error.path;
}

const struct bootimg_error *bootimg_last_error(const struct bootimg *ctx)
{
	return &ctx->error;
}

void bi_clear_error(struct bootimg *ctx)
{
	free((char *)ctx->error.path);
	ctx->error = (struct bootimg_error){ .method = BOOTIMG_METHOD_AUTO };
}

int bi_cause_errno(enum bootimg_cause cause)
{
	return (size_t)cause < N_CAUSES ? causes[cause].err : -EINVAL;
}

/* Record ERR, or the cause bi_cause() made it, else CAUSE. */
static int fail_with(struct bootimg *ctx, const char *path, int err,
		     enum bootimg_cause cause)
{
	size_t from_code = (size_t)(-err - BI_CAUSE_BASE);

	if (err <= -BI_CAUSE_BASE && from_code < N_CAUSES) {
		cause = (enum bootimg_cause)from_code;
		err = bi_cause_errno(cause);
	}
	bi_clear_error(ctx);
	ctx->error.err = err;
	ctx->error.cause = cause;
	ctx->error.method = ctx->trying;
	ctx->error.path = path ? strdup(path) : NULL;
	if ((size_t)cause < N_CAUSES)
		ctx->error.reason = causes[cause].reason;
	return err;
}

int bi_fail(struct bootimg *ctx, const char *path, int err)
{
	return fail_with(ctx, path, err, BOOTIMG_CAUSE_NONE);
}

int bi_fail_cmdline_too_long(struct bootimg *ctx, const char *path,
			     uint64_t limit)
{
	int err = bi_fail(ctx, path,
			  bi_cause(BOOTIMG_CAUSE_CMDLINE_TOO_LONG));

	ctx->error.limit = limit;
	return err;
}

int bi_fail_blame(struct bootimg *ctx, const char *path, int err)
{
	if (ctx->error.err != err)
		return bi_fail(ctx, path, err);
	if (ctx->error.path)
		return err;
	return fail_with(ctx, path, err, ctx->error.cause);
}

int bi_fail_add_cause(struct bootimg *ctx, enum bootimg_cause cause)
{
	if (ctx->error.cause == BOOTIMG_CAUSE_NONE) {
		ctx->error.cause = cause;
		ctx->error.reason = causes[cause].reason;
	}
	return ctx->error.err;
}

void bootimg_set_log_fn(struct bootimg *ctx,
			void (*fn)(void *data, int priority,
				   const char *format, va_list args),
			void *data)
{
	ctx->log_fn = fn;
	ctx->log_data = data;
}

void bi_log(struct bootimg *ctx, int priority, const char *format, ...)
{
	va_list args;

	if (!ctx->log_fn)
		return;
	va_start(args, format);
	ctx->log_fn(ctx->log_data, priority, format, args);
	va_end(args);
}
