// SPDX-License-Identifier: GPL-2.0-or-later
/* Method selection, unloading, status and exec. */
#include <linux/reboot.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <syslog.h>
#include <unistd.h>
#include "method.h"
#include "abi.h"
#include "crash.h"
#include "facts.h"
#include "inputs.h"
#include "internal.h"
#include "macros.h"

static const struct bi_method *const methods[] = {
	[BOOTIMG_METHOD_FILE] = &bi_method_file,
	[BOOTIMG_METHOD_KEXEC] = &bi_method_kexec,
	[BOOTIMG_METHOD_MODULE] = &bi_method_module,
};

/*
 * Errors of kexec_file_load after which kexec_load may still work.  Not a
 * refused signature (EKEYREJECTED): the kernel demands a signed image, and
 * an unsigned kexec_load would walk around that verdict.  Not EPERM
 * either: whatever forbids kexec_file_load (no privilege, lockdown,
 * kexec_load_disabled) forbids kexec_load too.
 */
static int worth_falling_back(int err)
{
	return err == -ENOSYS || err == -ENOEXEC || err == -EOPNOTSUPP ||
	       err == -EINVAL;
}

/* The kernel has no kexec, or kernel.kexec_load_disabled switched it off. */
static int kexec_unavailable(struct bootimg *ctx, int err)
{
	return err == -ENOSYS ||
	       (err == -EPERM && bi_kexec_load_disabled(ctx) == 1);
}

/*
 * What only the kexec and module methods do: with bootimg's purgatory,
 * or with the unpacked vmlinux of fast boot.
 */
#define NOT_WITH_FILE (BOOTIMG_LOAD_ENTRY32 | BOOTIMG_LOAD_BREADCRUMB | \
		       BOOTIMG_LOAD_FAST_BOOT)

/*
 * file, then kexec, then bootimg.ko where the kernel has no kexec at all
 * (ENOSYS).  Never bootimg.ko because kexec is disabled or refused:
 * kernel.kexec_load_disabled is the administrator's choice, and only an
 * explicit --method=module may override it.
 */
int bi_auto_run(const struct bootimg_request *req, bi_try_method *try_method,
		void *arg, struct bootimg_load_result *result)
{
	int err, kexec_err;

	/*
	 * kexec_file_load takes the bzImage, never its unpacked vmlinux,
	 * enters it at its 64-bit entry, and through its own purgatory.
	 */
	if (!(req->flags & NOT_WITH_FILE)) {
		result->used = BOOTIMG_METHOD_FILE;
		err = try_method(arg, BOOTIMG_METHOD_FILE);
		if (err == 0 || !worth_falling_back(err))
			return err;
		result->file_error = err;
	}
	result->used = BOOTIMG_METHOD_KEXEC;
	kexec_err = try_method(arg, BOOTIMG_METHOD_KEXEC);
	/* bootimg.ko has no panic kernel. */
	if (kexec_err != -ENOSYS || (req->flags & BOOTIMG_LOAD_PANIC))
		return kexec_err;
	result->used = BOOTIMG_METHOD_MODULE;
	err = try_method(arg, BOOTIMG_METHOD_MODULE);
	if (err != -ENOSYS)
		return err;
	/* No bootimg.ko either: kexec's refusal is the one to report. */
	result->used = BOOTIMG_METHOD_KEXEC;
	return kexec_err;
}

struct real_load {
	struct bootimg *ctx;
	const struct bootimg_request *req;
	const struct bi_inputs *in;
};

/* Load with METHOD, which the error channel names if it fails. */
static int load_with(struct bootimg *ctx, enum bootimg_method method,
		     const struct bootimg_request *req,
		     const struct bi_inputs *in)
{
	int err;

	ctx->trying = method;
	err = methods[method]->load(ctx, req, in);
	ctx->trying = BOOTIMG_METHOD_AUTO;
	return err;
}

static int try_real_load(void *arg, enum bootimg_method method)
{
	const struct real_load *l = arg;

	return load_with(l->ctx, method, l->req, l->in);
}

/* auto's choices for -v: why it passed kexec_file_load over. */
static void explain_auto(struct bootimg *ctx,
			 const struct bootimg_load_result *result, int err)
{
	const char *driver = bi_driver_built_in(ctx) ?
			     "the in-tree bootimg driver" : "bootimg.ko";
	const char *used = result->used == BOOTIMG_METHOD_MODULE ?
			   driver : "kexec_load";

	/* A kernel without kexec_file_load is no news. */
	if (result->file_error && result->file_error != -ENOSYS)
		bi_log(ctx, LOG_INFO, "kexec_file_load failed (%s); %s %s",
		       strerror(-result->file_error),
		       err == 0 ? "used" : "tried", used);
	/* auto takes bootimg.ko only for a kernel without kexec_load. */
	if (result->used == BOOTIMG_METHOD_MODULE)
		bi_log(ctx, LOG_INFO, "the running kernel has no kexec_load "
		       "(ENOSYS); %s %s", err == 0 ? "used" : "tried", driver);
}

static int load_auto(struct bootimg *ctx, const struct bootimg_request *req,
		     const struct bi_inputs *in,
		     struct bootimg_load_result *result)
{
	struct real_load l = { ctx, req, in };
	int err = bi_auto_run(req, try_real_load, &l, result);

	/* bootimg.ko was missing too: name the kernel, not /dev/bootimg. */
	if (err == -ENOSYS && result->used == BOOTIMG_METHOD_KEXEC) {
		ctx->trying = BOOTIMG_METHOD_KEXEC;
		err = bi_fail(ctx, req->kernel, err);
		ctx->trying = BOOTIMG_METHOD_AUTO;
	}
	explain_auto(ctx, result, err);
	return err;
}

/* Refused before any method runs: a panic kernel with no reservation. */
int bi_request_refused(struct bootimg *ctx, const struct bootimg_request *req)
{
	if ((req->flags & BOOTIMG_LOAD_PANIC) && !bi_crash_reserved_size(ctx))
		return bi_fail(ctx, NULL,
			       bi_cause(BOOTIMG_CAUSE_NO_CRASH_RESERVATION));
	return 0;
}

/* bootimg_load() on structs of this library's size. */
static int load(struct bootimg *ctx, const struct bootimg_request *req,
		struct bootimg_load_result *result)
{
	struct bi_inputs in;
	int err;

	if ((size_t)req->method >= ARRAY_SIZE(methods) ||
	    ((req->flags & NOT_WITH_FILE) && req->method == BOOTIMG_METHOD_FILE) ||
	    ((req->flags & BOOTIMG_LOAD_FAST_BOOT) &&
	     (req->flags & BOOTIMG_LOAD_PANIC)))
		return bi_fail(ctx, NULL, -EINVAL);
	/*
	 * Check every input first, the same way for every method, and
	 * read (and unpack) each once for all the methods tried.
	 */
	err = bi_inputs_open(ctx, req, 1, &in);
	if (err < 0)
		return err;
	err = bi_request_refused(ctx, req);
	if (err == 0 && req->method == BOOTIMG_METHOD_AUTO)
		err = load_auto(ctx, req, &in, result);
	else if (err == 0)
		err = load_with(ctx, req->method, req, &in);
	result->fast_boot = (struct bootimg_fast_boot){
		.kaslr = in.kernel.kaslr.status,
		.text_phys = in.kernel.kaslr.text_phys,
		.text_virt = in.kernel.kaslr.text_virt,
	};
	/* The inputs' command line outlives them, in the context. */
	free(ctx->text.cmdline);
	ctx->text.cmdline = in.own_cmdline;
	in.own_cmdline = NULL;
	result->cmdline = ctx->text.cmdline;
	bi_inputs_close(&in);
	return err;
}

int bootimg_load(struct bootimg *ctx, const struct bootimg_request *caller_req,
		 struct bootimg_load_result *caller_result)
{
	struct bootimg_request req;
	struct bootimg_load_result result;
	int err;

	bi_clear_error(ctx);
	err = ext_in(&req, sizeof(req), caller_req, BI_V1_REQUEST);
	if (err == 0)
		err = ext_out_ok(caller_result, BI_V1_LOAD_RESULT);
	if (err < 0)
		return bi_fail(ctx, NULL, err);
	result = (struct bootimg_load_result){
		.size = sizeof(result), .used = req.method,
	};
	err = load(ctx, &req, &result);
	ext_out(caller_result, &result, sizeof(result));
	return err;
}

int bootimg_unload(struct bootimg *ctx, unsigned flags)
{
	int module_err, err;

	bi_clear_error(ctx);
	module_err = bi_method_module.unload(ctx, flags);
	err = bi_method_file.unload(ctx, flags);
	if (err == -ENOSYS)
		err = bi_method_kexec.unload(ctx, flags);
	/* With bootimg.ko present, a kernel without kexec is no failure. */
	if (module_err != -ENOSYS && kexec_unavailable(ctx, err))
		return module_err;
	return err;
}

int bi_kexec_staged(struct bootimg *ctx, int *staged)
{
	uint64_t loaded = 0;
	int err = bi_read_u64(ctx, "/sys/kernel/kexec_loaded", &loaded);

	if (err < 0)
		return bi_fail(ctx, "/sys/kernel/kexec_loaded",
			       err == -ENOENT ? -ENOSYS : err);
	*staged = loaded != 0;
	return 0;
}

int bootimg_get_status(struct bootimg *ctx, struct bootimg_status *status)
{
	uint64_t crash = 0, size = 0;
	int kexec_staged = 0, module_staged = 0, module_err, err;

	bi_clear_error(ctx);
	err = ext_out_ok(status, BI_V1_STATUS);
	if (err < 0)
		return bi_fail(ctx, NULL, err);
	module_err = bi_method_module.staged(ctx, &module_staged);
	err = bi_kexec_staged(ctx, &kexec_staged);
	if (err < 0 && module_err < 0)
		return err;
	bi_clear_error(ctx);	/* one interface answered */
	/* The panic files exist only with CONFIG_CRASH_CORE. */
	bi_read_u64(ctx, "/sys/kernel/kexec_crash_loaded", &crash);
	bi_read_u64(ctx, "/sys/kernel/kexec_crash_size", &size);
	ext_out(status, &(struct bootimg_status){
		.size = sizeof(struct bootimg_status),
		.loaded = kexec_staged || module_staged,
		.module = module_staged != 0,
		.panic_loaded = crash != 0, .panic_reserved = size,
	}, sizeof(struct bootimg_status));
	return 0;
}

int bi_kexec_exec(struct bootimg *ctx)
{
	if (reboot(LINUX_REBOOT_CMD_KEXEC) < 0)
		return bi_fail_refused(ctx, NULL, -errno, 0);
	return 0;
}

int bootimg_exec(struct bootimg *ctx)
{
	int module_staged = 0;

	bi_clear_error(ctx);
	sync();
	if (bi_method_module.staged(ctx, &module_staged) == 0 &&
	    module_staged)
		return bi_method_module.exec(ctx);
	return bi_kexec_exec(ctx);
}
