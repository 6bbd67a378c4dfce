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
#include "auto-reasons.h"
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

/* The kernel has no kexec, or kernel.kexec_load_disabled switched it off. */
static int kexec_unavailable(struct bootimg *ctx, int err)
{
	return err == -ENOSYS ||
	       (err == -EPERM && bi_kexec_load_disabled(ctx) == 1);
}

struct real_load {
	struct bootimg *ctx;
	const struct bootimg_request *req;
	const struct bi_inputs *in;
	int errors[BOOTIMG_METHOD_MODULE + 1];	/* each method's */
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
	struct real_load *l = arg;

	return l->errors[method] = load_with(l->ctx, method, l->req, l->in);
}

/* auto's choices for -v: its way and why, and what it passed over. */
static void explain_auto(struct bootimg *ctx, const struct real_load *l,
			 const struct bootimg_load_result *result, int err)
{
	const char *driver = bi_driver_built_in(ctx) ?
			     "the in-tree bootimg driver" : "bootimg.ko";
	const char *name[] = {
		[BOOTIMG_METHOD_FILE] = "kexec_file_load",
		[BOOTIMG_METHOD_KEXEC] = "kexec_load",
		[BOOTIMG_METHOD_MODULE] = driver,
	};
	enum bootimg_method m;

	bi_log(ctx, LOG_INFO, "auto: %s", auto_reason_text(result->reason));
	/*
	 * A kernel without kexec_file_load is no news; one without
	 * kexec_load gets its own line.
	 */
	for (m = BOOTIMG_METHOD_FILE; m < BOOTIMG_METHOD_MODULE; m++)
		if (m != result->used && l->errors[m] < 0 &&
		    l->errors[m] != -ENOSYS)
			bi_log(ctx, LOG_INFO, "%s failed (%s); %s %s", name[m],
			       strerror(-l->errors[m]),
			       err == 0 ? "used" : "tried", name[result->used]);
	/* auto takes bootimg.ko only for a kernel without kexec_load. */
	if (result->used == BOOTIMG_METHOD_MODULE)
		bi_log(ctx, LOG_INFO, "the running kernel has no kexec_load "
		       "(ENOSYS); %s %s", err == 0 ? "used" : "tried", driver);
}

static int load_auto(struct bootimg *ctx, const struct bootimg_request *req,
		     const struct bi_inputs *in,
		     struct bootimg_load_result *result)
{
	struct real_load l = { ctx, req, in, { 0 } };
	int err = bi_auto_run(req, result->reason, try_real_load, &l, result);

	/* bootimg.ko was missing too: name the kernel, not /dev/bootimg. */
	if (err == -ENOSYS && result->used == BOOTIMG_METHOD_KEXEC) {
		ctx->trying = BOOTIMG_METHOD_KEXEC;
		err = bi_fail(ctx, req->kernel, err);
		ctx->trying = BOOTIMG_METHOD_AUTO;
	}
	explain_auto(ctx, &l, result, err);
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
	struct bootimg_request used;
	struct bi_inputs in;
	int err;

	if ((size_t)req->method >= ARRAY_SIZE(methods) ||
	    ((req->flags & BI_NEEDS_OWN_PURGATORY) &&
	     req->method == BOOTIMG_METHOD_FILE) ||
	    ((req->flags & BOOTIMG_LOAD_FAST_BOOT) &&
	     (req->flags & (BOOTIMG_LOAD_PANIC | BOOTIMG_LOAD_NO_FAST_BOOT))))
		return bi_fail(ctx, NULL, -EINVAL);
	/*
	 * Check every input first, the same way for every method, and
	 * read (and unpack) each once for all the methods tried.
	 */
	err = bi_auto_inputs_open(ctx, req, NULL, 1, &used, &result->reason,
				  &in);
	if (err < 0)
		return err;
	result->flags = used.flags;
	err = bi_request_refused(ctx, &used);
	if (err == 0 && used.method == BOOTIMG_METHOD_AUTO)
		err = load_auto(ctx, &used, &in, result);
	else if (err == 0)
		err = load_with(ctx, used.method, &used, &in);
	/* kexec_file_load got the bzImage, whatever was unpacked. */
	if (result->used == BOOTIMG_METHOD_FILE)
		result->flags &= ~BOOTIMG_LOAD_FAST_BOOT;
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
		.reason = BOOTIMG_AUTO_NOT_AUTO, .flags = req.flags,
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
