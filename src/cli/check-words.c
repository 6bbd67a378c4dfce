// SPDX-License-Identifier: GPL-2.0-or-later
/* --check's verdicts in words, shared by the text and the JSON. */
#include <errno.h>
#include "check.h"
#include "failure.h"

const char *check_lockdown_name(int lockdown)
{
	switch (lockdown) {
	case BOOTIMG_LOCKDOWN_NONE:
		return "none";
	case BOOTIMG_LOCKDOWN_INTEGRITY:
		return "integrity";
	case BOOTIMG_LOCKDOWN_CONFIDENTIALITY:
		return "confidentiality";
	}
	return NULL;
}

static const char *not_there(const struct bootimg_facts *f,
			     enum bootimg_method method)
{
	if (method == BOOTIMG_METHOD_FILE)
		return "the running kernel has no kexec_file_load "
		       "(CONFIG_KEXEC_FILE; never on i386)";
	if (method == BOOTIMG_METHOD_KEXEC)
		return "the running kernel has no kexec_load (CONFIG_KEXEC)";
	return f->module_available == 1 ?
	       "bootimg.ko is not loaded, but installed: modprobe bootimg" :
	       "bootimg.ko is not loaded";
}

static const char *not_permitted(const struct bootimg_facts *f,
				 enum bootimg_method method)
{
	if (method != BOOTIMG_METHOD_MODULE && f->kexec_load_disabled == 1)
		return "kexec is disabled (kernel.kexec_load_disabled=1)";
	if (method == BOOTIMG_METHOD_FILE)
		return "the kernel is locked down and the image's signature "
		       "would not verify (unsigned, or no key of the kernel's "
		       "keyrings matches its signer)";
	return f->lockdown == BOOTIMG_LOCKDOWN_CONFIDENTIALITY ?
	       "the kernel is locked down (confidentiality)" :
	       "the kernel is locked down (integrity)";
}

const char *check_method_reason(const struct check_report *r,
				enum bootimg_method method, int err,
				char *buf, size_t size)
{
	const struct bootimg_facts *f = r->facts;
	int code;

	switch (-err) {
	case 0:
		return "would load";
	case ENOSYS:
		return not_there(f, method);
	case EOPNOTSUPP:
		return method == BOOTIMG_METHOD_MODULE ?
		       "bootimg.ko stages no panic kernel" :
		       "kexec_file_load cannot load this image format";
	case EPERM:
		return not_permitted(f, method);
	case EKEYREJECTED:
		return "the running kernel demands a valid signature "
		       "(KEXEC_SIG_FORCE), and the image's would not verify";
	case ENOSPC:
		return "the segments do not fit in RAM";
	}
	return describe_failure(r->ctx, err, buf, size, &code);
}

const char *check_method_outcome(const struct bootimg_check *c,
				 enum bootimg_method method)
{
	int err = bootimg_check_method_error(c, method);

	if (err == BOOTIMG_NOT_TRIED)
		return "not tried";
	if (method == c->used)
		return err == 0 ? "used" : "fails";
	return "passed over";
}
