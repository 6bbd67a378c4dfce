/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Whether the out-of-tree build may find kernel functions at run time and
 * call them through pointers (symbols.c).  With Indirect Branch Tracking
 * on, functions that nothing takes the address of have their ENDBR sealed
 * at boot, so an indirect call to kallsyms_lookup_name, machine_shutdown
 * and the others is a "Missing ENDBR" crash; with kCFI
 * (CONFIG_CFI_CLANG) indirect calls are checked against type hashes that
 * these pointers were never given.  Either way the driver must refuse to
 * load instead.  The in-tree driver calls them directly and needs no check.
 *
 * A pure function, so that a user-space unit test runs it
 * (tests/unit/test-call-hazard.c).
 */
#ifndef BOOTIMG_CALL_HAZARD_H
#define BOOTIMG_CALL_HAZARD_H

/* Why indirect calls are unsafe on this kernel, or NULL if they are safe. */
static inline const char *bootimg_call_hazard(int kcfi_built, int ibt_enabled)
{
	if (kcfi_built)
		return "the kernel is built with kCFI (CONFIG_CFI_CLANG)";
	if (ibt_enabled)
		return "Indirect Branch Tracking (CONFIG_X86_KERNEL_IBT) is enabled on this CPU";
	return NULL;
}

#endif
