/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootimg --check's facts about the running kernel, and the parsers
 * behind them, on buffers, for the unit tests.
 */
#ifndef BOOTIMG_FACTS_H
#define BOOTIMG_FACTS_H

#include <stddef.h>
#include "bootimg.h"

/* The mode in brackets of /sys/kernel/security/lockdown, or -EINVAL. */
int bi_parse_lockdown(const char *text);

/*
 * The running kernel's lockdown mode, or BOOTIMG_UNKNOWN; *READ_ERR is
 * the read's error (-EACCES: only root may read it), or 0.
 */
int bi_read_lockdown(const struct bootimg *ctx, int *read_err);

/* kernel.kexec_load_disabled: 1, 0 or BOOTIMG_UNKNOWN. */
int bi_kexec_load_disabled(const struct bootimg *ctx);

/* 1 if a rule of an IMA policy appraises func=KEXEC_KERNEL_CHECK. */
int bi_ima_appraises_kexec(const char *text, size_t len);

/*
 * 1 if a rule of an IMA policy measures or appraises what kexec loads:
 * func=KEXEC_KERNEL_CHECK, KEXEC_INITRAMFS_CHECK or KEXEC_CMDLINE, or
 * no func= at all (every hook).
 */
int bi_ima_covers_kexec(const char *text, size_t len);

/* 1 if a kernel command line asks for IMA rules that appraise kexec. */
int bi_cmdline_ima_kexec(const char *cmdline);

/* Is kexec handover on by kho= in CMDLINE?  BY_DEFAULT without kho=. */
int bi_cmdline_kho(const char *cmdline, int by_default);

/*
 * The facts the auto method decides by (src/lib/method-auto.c): all but
 * bootimg.ko's, the crash reservation's and the watchdogs'.
 */
int bi_read_auto_facts(struct bootimg *ctx, struct bootimg_facts *f);

/* 1 for NAME=y in a kernel config, else 0 ("is not set", absent). */
int bi_kconfig_enabled(const char *text, size_t len, const char *name);

/* 1 if a modules.dep lists bootimg.ko (compressed or not). */
int bi_modules_dep_has_bootimg(const char *text, size_t len);

/*
 * 1 if the bootimg driver is built into the running kernel (the kernel
 * patch), 0 if it is the module bootimg.ko: a module has an initstate
 * in sysfs, and is listed in /proc/modules where sysfs is missing.
 */
int bi_driver_built_in(const struct bootimg *ctx);

/*
 * The running kernel's config: /proc/config.gz, else
 * /boot/config-RELEASE, into a malloc'd buffer; SOURCE names the file.
 */
int bi_kconfig_read(struct bootimg *ctx, const char *release, char **text,
		    size_t *len, char *source, size_t source_size);

/*
 * 1 if the PE image in DATA has an Authenticode certificate table, which
 * *CERTS and *CERTS_SIZE then point to; else 0.
 */
int bi_pe_signed(const uint8_t *data, size_t size, const uint8_t **certs,
		 size_t *certs_size);

/*
 * Does a key of the kernel's keyrings (the text of /proc/keys) match a
 * certificate of the signatures in CERTS, by subject or authority key
 * identifier?  1 yes, 0 no, BOOTIMG_UNKNOWN if the trusted keyrings are
 * not visible (only root sees them).
 */
int bi_keys_match_signer(const char *keys, size_t keys_len,
			 const uint8_t *certs, size_t certs_size);

#endif
