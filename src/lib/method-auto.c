// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The auto method: which way it takes (bootimg(8), "How the method is
 * chosen") and the order in which it tries the methods, the same for a
 * load and for bootimg_check()'s prediction of one.
 *
 * The fastest way that loses nothing is kexec_load with fast boot: the
 * purgatory checks the segments' digest, the new kernel keeps KASLR.
 * kexec_file_load stays first wherever the running kernel checks or
 * records what it loads, or would refuse kexec_load: lockdown,
 * kexec signatures enforced, Secure Boot, an IMA rule for kexec, and
 * kexec handover, whose state only kexec_file_load carries.  A fact
 * that cannot be read counts against the fast way, except lockdown,
 * which the kernel itself enforces on kexec_load.
 */
#include "abi.h"
#include "facts.h"
#include "method.h"
#include "internal.h"

/* What the request alone decides. */
static int reason_of_request(const struct bootimg_request *req)
{
	if (req->method != BOOTIMG_METHOD_AUTO)
		return BOOTIMG_AUTO_NOT_AUTO;
	if (req->flags & BOOTIMG_LOAD_PANIC)
		return BOOTIMG_AUTO_PANIC;
	if (req->flags & BI_NEEDS_OWN_PURGATORY)
		return BOOTIMG_AUTO_REQUESTED;
	if (req->flags & BOOTIMG_LOAD_NO_FAST_BOOT)
		return BOOTIMG_AUTO_NO_FAST_BOOT;
	return -1;
}

enum bootimg_auto_reason bi_auto_reason(const struct bootimg_request *req,
					const struct bootimg_facts *f)
{
	int by_request = reason_of_request(req);

	if (by_request >= 0)
		return by_request;
	if (f->lockdown == BOOTIMG_LOCKDOWN_INTEGRITY ||
	    f->lockdown == BOOTIMG_LOCKDOWN_CONFIDENTIALITY)
		return BOOTIMG_AUTO_LOCKDOWN;
	if (f->kexec_load_disabled == 1)
		return BOOTIMG_AUTO_KEXEC_DISABLED;
	if (f->has_kexec == 0)
		return BOOTIMG_AUTO_NO_KEXEC_LOAD;
	/* No kexec_file_load (i386): nothing to keep first. */
	if (f->has_kexec_file == 0)
		return BOOTIMG_AUTO_FAST;
	if (f->kho == 1)
		return BOOTIMG_AUTO_KHO;
	if (f->kexec_sig_force == 1)
		return BOOTIMG_AUTO_SIG_FORCE;
	if (f->secure_boot != 0)
		return BOOTIMG_AUTO_SECURE_BOOT;
	if (f->ima_kexec == 1)
		return BOOTIMG_AUTO_IMA;
	if (f->kexec_sig_force < 0)
		return BOOTIMG_AUTO_CONFIG_UNKNOWN;
	if (f->ima_kexec < 0)
		return BOOTIMG_AUTO_IMA_UNKNOWN;
	return BOOTIMG_AUTO_FAST;
}

/*
 * Fast boot cannot take the image, which may still boot without it: no
 * payload it unpacks, or a vmlinux this build cannot enter (enterable()).
 * An image that is no kernel at all gives ENOEXEC again when opened
 * without fast boot.
 */
static int fast_boot_cannot(const struct bootimg *ctx, int err)
{
	enum bootimg_cause cause = bootimg_last_error(ctx)->cause;

	return err == -ENOEXEC || cause == BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD;
}

/* The i386 purgatory enters a kernel in 32-bit mode only. */
static int enterable(const struct bi_inputs *in)
{
#ifdef __i386__
	return !in->kernel.unpacked || !in->kernel.info.entry64;
#else
	(void)in;
	return 1;
#endif
}

int bi_auto_inputs_open(struct bootimg *ctx, const struct bootimg_request *req,
			const struct bootimg_facts *facts, int cache_write,
			struct bootimg_request *used,
			enum bootimg_auto_reason *reason, struct bi_inputs *in)
{
	struct bootimg_facts read = { .size = sizeof(read) };
	int by_request = reason_of_request(req), err;

	*used = *req;
	*reason = by_request;
	if (by_request < 0) {
		if (!facts) {
			err = bi_read_auto_facts(ctx, &read);
			if (err < 0)
				return bi_fail(ctx, NULL, err);
			facts = &read;
		}
		*reason = bi_auto_reason(req, facts);
	}
	if (*reason == BOOTIMG_AUTO_FAST)
		used->flags |= BOOTIMG_LOAD_FAST_BOOT;
	err = bi_inputs_open(ctx, used, cache_write, in);
	if (err == 0 && !enterable(in)) {
		bi_inputs_close(in);
		err = -ENOEXEC;
	}
	if (err < 0 && *reason == BOOTIMG_AUTO_FAST &&
	    fast_boot_cannot(ctx, err)) {
		*reason = BOOTIMG_AUTO_FORMAT;
		used->flags = req->flags;
		bi_clear_error(ctx);
		err = bi_inputs_open(ctx, used, cache_write, in);
	}
	return err;
}

/*
 * Errors of kexec_file_load after which kexec_load may still work.  Not a
 * refused signature (EKEYREJECTED): the kernel demands a signed image, and
 * an unsigned kexec_load would walk around that verdict.  Not EPERM
 * either: whatever forbids kexec_file_load (no privilege, lockdown,
 * kexec_load_disabled) forbids kexec_load too.
 */
static int kexec_may_follow(int err)
{
	return err == -ENOSYS || err == -ENOEXEC || err == -EOPNOTSUPP ||
	       err == -EINVAL;
}

/*
 * Errors of kexec_load (or of its plan) after which kexec_file_load may
 * still work: it is stricter, so trying it gives nothing away.  Lockdown
 * or an IMA rule that went unseen refuses kexec_load alone (EPERM,
 * EACCES); the kernel places the segments itself (ENOSPC, E2BIG,
 * EADDRNOTAVAIL).
 */
static int file_may_follow(int err)
{
	return err == -ENOSYS || err == -EPERM || err == -EACCES ||
	       err == -EINVAL || err == -EOPNOTSUPP || err == -ENOSPC ||
	       err == -E2BIG || err == -EADDRNOTAVAIL;
}

/*
 * bootimg.ko after kexec_load's KEXEC_ERR, where the kernel has no kexec
 * at all; kexec's refusal where there is no bootimg.ko either.
 */
static int module_if_no_kexec(const struct bootimg_request *req,
			      bi_try_method *try_method, void *arg,
			      struct bootimg_load_result *result,
			      int kexec_err)
{
	int err;

	result->used = BOOTIMG_METHOD_KEXEC;
	/* bootimg.ko has no panic kernel. */
	if (kexec_err != -ENOSYS || (req->flags & BOOTIMG_LOAD_PANIC))
		return kexec_err;
	result->used = BOOTIMG_METHOD_MODULE;
	err = try_method(arg, BOOTIMG_METHOD_MODULE);
	if (err != -ENOSYS)
		return err;
	result->used = BOOTIMG_METHOD_KEXEC;
	return kexec_err;
}

/* kexec_load first; then kexec_file_load, then bootimg.ko. */
static int kexec_first(const struct bootimg_request *req,
		       bi_try_method *try_method, void *arg,
		       struct bootimg_load_result *result)
{
	int kexec_err, err;

	result->used = BOOTIMG_METHOD_KEXEC;
	kexec_err = try_method(arg, BOOTIMG_METHOD_KEXEC);
	if (kexec_err == 0 || !file_may_follow(kexec_err))
		return kexec_err;
	result->used = BOOTIMG_METHOD_FILE;
	err = try_method(arg, BOOTIMG_METHOD_FILE);
	if (err != -ENOSYS)
		return err;
	/* No kexec_file_load: kexec_load's refusal counts. */
	result->file_error = err;
	return module_if_no_kexec(req, try_method, arg, result, kexec_err);
}

/*
 * Never bootimg.ko because kexec is disabled or refused:
 * kernel.kexec_load_disabled is the administrator's choice, and only an
 * explicit --method=module may override it.
 */
int bi_auto_run(const struct bootimg_request *req,
		enum bootimg_auto_reason reason, bi_try_method *try_method,
		void *arg, struct bootimg_load_result *result)
{
	int err;

	if (reason == BOOTIMG_AUTO_FAST || reason == BOOTIMG_AUTO_FORMAT)
		return kexec_first(req, try_method, arg, result);
	/*
	 * kexec_file_load takes the bzImage, never its unpacked vmlinux,
	 * enters it at its 64-bit entry, and through its own purgatory.
	 */
	if (reason != BOOTIMG_AUTO_REQUESTED) {
		result->used = BOOTIMG_METHOD_FILE;
		err = try_method(arg, BOOTIMG_METHOD_FILE);
		if (err == 0 || !kexec_may_follow(err))
			return err;
		result->file_error = err;
	}
	result->used = BOOTIMG_METHOD_KEXEC;
	return module_if_no_kexec(req, try_method, arg, result,
				  try_method(arg, BOOTIMG_METHOD_KEXEC));
}
