// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Why the running kernel (or bootimg.ko) refused a load: its errno has
 * several causes, and the one that applies is read here, once, from the
 * request, the process and the kernel's switches.
 */
#include <unistd.h>
#include "facts.h"
#include "method.h"
#include "internal.h"

/* EPERM: no privilege, lockdown, or kexec switched off. */
static enum bootimg_cause not_permitted(struct bootimg *ctx)
{
	int read_err, lockdown;

	if (geteuid() != 0)
		return BOOTIMG_CAUSE_NOT_ROOT;
	lockdown = bi_read_lockdown(ctx, &read_err);
	if (lockdown == BOOTIMG_LOCKDOWN_INTEGRITY ||
	    lockdown == BOOTIMG_LOCKDOWN_CONFIDENTIALITY)
		return BOOTIMG_CAUSE_LOCKED_DOWN;
	/* bootimg.ko obeys it too, unless override_kexec_load_disabled=1. */
	if (bi_kexec_load_disabled(ctx) == 1)
		return BOOTIMG_CAUSE_KEXEC_DISABLED;
	return BOOTIMG_CAUSE_NONE;
}

int bi_fail_refused(struct bootimg *ctx, const char *path, int err,
		    unsigned flags)
{
	enum bootimg_cause cause = BOOTIMG_CAUSE_NONE;

	if (err == -EPERM)
		cause = not_permitted(ctx);
	else if (err == -EADDRNOTAVAIL)
		cause = flags & BOOTIMG_LOAD_PANIC ?
			BOOTIMG_CAUSE_OUTSIDE_CRASH_RESERVATION :
			BOOTIMG_CAUSE_OUTSIDE_RAM;
	else if (err == -ENOSPC && (flags & BOOTIMG_LOAD_PANIC))
		cause = BOOTIMG_CAUSE_CRASH_RESERVATION_FULL;
	return bi_fail(ctx, path, cause ? bi_cause(cause) : err);
}
