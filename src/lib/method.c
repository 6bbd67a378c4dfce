// SPDX-License-Identifier: GPL-2.0-or-later
/* Method selection, unloading, status and exec. */
#include <linux/reboot.h>
#include <stdlib.h>
#include <sys/reboot.h>
#include <unistd.h>
#include "method.h"
#include "abi.h"
#include "crash.h"
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
	uint64_t disabled = 0;

	if (err == -ENOSYS)
		return 1;
	return err == -EPERM &&
	       bi_read_u64(ctx, "/proc/sys/kernel/kexec_load_disabled",
			 &disabled) == 0 && disabled;
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

static int try_real_load(void *arg, enum bootimg_method method)
{
	const struct real_load *l = arg;

	return methods[method]->load(l->ctx, l->req, l->in);
}

static int load_auto(struct bootimg *ctx, const struct bootimg_request *req,
		     const struct bi_inputs *in,
		     struct bootimg_load_result *result)
{
	struct real_load l = { ctx, req, in };
	int err = bi_auto_run(req, try_real_load, &l, result);

	/* bootimg.ko was missing too: name the kernel, not /dev/bootimg. */
	if (err == -ENOSYS && result->used == BOOTIMG_METHOD_KEXEC)
		err = bi_fail(ctx, req->kernel, err);
	return err;
}

/* Refused before any method runs: a panic kernel with no reservation. */
int bi_request_refused(struct bootimg *ctx, const struct bootimg_request *req)
{
	if ((req->flags & BOOTIMG_LOAD_PANIC) && !bi_crash_reserved_size(ctx))
		return bi_fail(ctx, NULL, -EDESTADDRREQ);
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
	err = bi_inputs_open(ctx, req, &in);
	if (err < 0)
		return err;
	err = bi_request_refused(ctx, req);
	if (err == 0 && req->method == BOOTIMG_METHOD_AUTO)
		err = load_auto(ctx, req, &in, result);
	else if (err == 0)
		err = methods[req->method]->load(ctx, req, &in);
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
	int err = bi_abi_in(&req, sizeof(req), caller_req, BI_V1_REQUEST);

	if (err == 0)
		err = bi_abi_out_ok(caller_result, BI_V1_LOAD_RESULT);
	if (err < 0)
		return bi_fail(ctx, NULL, err);
	result = (struct bootimg_load_result){
		.size = sizeof(result), .used = req.method,
	};
	err = load(ctx, &req, &result);
	bi_abi_out(caller_result, &result, sizeof(result));
	return err;
}

int bootimg_unload(struct bootimg *ctx, unsigned flags)
{
	int module_err = bi_method_module.unload(ctx, flags);
	int err = bi_method_file.unload(ctx, flags);

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
	int kexec_staged = 0, module_staged = 0;
	int module_err, err = bi_abi_out_ok(status, BI_V1_STATUS);

	if (err < 0)
		return bi_fail(ctx, NULL, err);
	module_err = bi_method_module.staged(ctx, &module_staged);
	err = bi_kexec_staged(ctx, &kexec_staged);
	if (err < 0 && module_err < 0)
		return err;
	/* The panic files exist only with CONFIG_CRASH_CORE. */
	bi_read_u64(ctx, "/sys/kernel/kexec_crash_loaded", &crash);
	bi_read_u64(ctx, "/sys/kernel/kexec_crash_size", &size);
	bi_abi_out(status, &(struct bootimg_status){
		.size = sizeof(struct bootimg_status),
		.loaded = kexec_staged || module_staged,
		.module = module_staged != 0,
		.panic_loaded = crash != 0, .panic_reserved = size,
	}, sizeof(struct bootimg_status));
	return 0;
}

int bi_kexec_exec(struct bootimg *ctx)
{
	(void)ctx;
	if (reboot(LINUX_REBOOT_CMD_KEXEC) < 0)
		return -errno;
	return 0;
}

int bootimg_exec(struct bootimg *ctx)
{
	int module_staged = 0;

	sync();
	if (bi_method_module.staged(ctx, &module_staged) == 0 &&
	    module_staged)
		return bi_method_module.exec(ctx);
	return bi_kexec_exec(ctx);
}
