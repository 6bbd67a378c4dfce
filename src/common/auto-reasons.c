// SPDX-License-Identifier: GPL-2.0-or-later
#include "auto-reasons.h"
#include "macros.h"

#define FILE_FIRST "kexec_file_load, "

static const struct {
	const char *key;
	const char *text;
} reasons[] = {
	[BOOTIMG_AUTO_FAST] = { "fast", "kexec_load with fast boot (no "
		"lockdown, signature enforcement, Secure Boot, IMA kexec rule "
		"or KHO; kexec_load allowed)" },
	[BOOTIMG_AUTO_FORMAT] = { "format", "kexec_load without fast boot, "
		"which cannot take this image; then kexec_file_load" },
	[BOOTIMG_AUTO_NOT_AUTO] = { "not_auto", NULL },
	[BOOTIMG_AUTO_REQUESTED] = { "requested", "kexec_load: fast boot, "
		"the 32-bit entry or the breadcrumb needs bootimg's own "
		"purgatory" },
	[BOOTIMG_AUTO_NO_FAST_BOOT] = { "no_fast_boot", FILE_FIRST
		"then kexec_load: fast boot is turned off" },
	[BOOTIMG_AUTO_PANIC] = { "panic", FILE_FIRST "then kexec_load: a "
		"panic kernel is never fast booted" },
	[BOOTIMG_AUTO_LOCKDOWN] = { "lockdown", FILE_FIRST "because the "
		"kernel is locked down (kexec_load is refused)" },
	[BOOTIMG_AUTO_KEXEC_DISABLED] = { "kexec_disabled", FILE_FIRST
		"because kexec is disabled (kernel.kexec_load_disabled=1)" },
	[BOOTIMG_AUTO_NO_KEXEC_LOAD] = { "no_kexec_load", FILE_FIRST
		"because the kernel has no kexec_load (CONFIG_KEXEC)" },
	[BOOTIMG_AUTO_SIG_FORCE] = { "sig_force", FILE_FIRST "because the "
		"kernel enforces kexec signatures (KEXEC_SIG_FORCE)" },
	[BOOTIMG_AUTO_CONFIG_UNKNOWN] = { "config_unknown", FILE_FIRST
		"because the kernel's config is unreadable (is KEXEC_SIG_FORCE "
		"set?)" },
	[BOOTIMG_AUTO_SECURE_BOOT] = { "secure_boot", FILE_FIRST "because "
		"of UEFI Secure Boot (on, or unknown)" },
	[BOOTIMG_AUTO_IMA] = { "ima", FILE_FIRST "because an IMA rule "
		"measures or appraises kexec images" },
	[BOOTIMG_AUTO_IMA_UNKNOWN] = { "ima_unknown", FILE_FIRST "because "
		"the IMA policy in force cannot be read" },
	[BOOTIMG_AUTO_KHO] = { "kho", FILE_FIRST "because kexec handover "
		"(KHO) is on" },
};

const char *auto_reason_text(enum bootimg_auto_reason reason)
{
	return (size_t)reason < ARRAY_SIZE(reasons) ? reasons[reason].text :
	       NULL;
}

const char *auto_reason_key(enum bootimg_auto_reason reason)
{
	return (size_t)reason < ARRAY_SIZE(reasons) && reasons[reason].key ?
	       reasons[reason].key : "unknown";
}
