// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What the running kernel allows a load to do, read without privileges
 * where it can be: lockdown, kexec's switches and build options, IMA,
 * Secure Boot, bootimg.ko, the crash reservation, watchdogs.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "abi.h"
#include "facts.h"
#include "internal.h"
#include "macros.h"

#define EFI_GLOBAL_GUID "8be4df61-93ca-11d2-aa0d-00e098032b8c"

int bi_parse_lockdown(const char *text)
{
	static const char *const modes[] = {
		[BOOTIMG_LOCKDOWN_NONE] = "[none]",
		[BOOTIMG_LOCKDOWN_INTEGRITY] = "[integrity]",
		[BOOTIMG_LOCKDOWN_CONFIDENTIALITY] = "[confidentiality]",
	};
	int i;

	for (i = 0; i < (int)ARRAY_SIZE(modes); i++)
		if (strstr(text, modes[i]))
			return i;
	return -EINVAL;
}

int bi_ima_appraises_kexec(const char *text, size_t len)
{
	const char *pos = text;
	char rule[512];

	while (bi_next_line(&pos, text + len, rule, sizeof(rule)))
		if (strncmp(rule, "appraise ", 9) == 0 &&
		    strstr(rule, " func=KEXEC_KERNEL_CHECK"))
			return 1;
	return 0;
}

int bi_modules_dep_has_bootimg(const char *text, size_t len)
{
	const char *pos = text;
	char line[1024];

	/* "kernel/.../NAME.ko[.xz]: dependencies" */
	while (bi_next_line(&pos, text + len, line, sizeof(line))) {
		char *colon = strchr(line, ':'), *name;

		if (!colon)
			continue;
		*colon = '\0';
		name = strrchr(line, '/');
		name = name ? name + 1 : line;
		if (strncmp(name, "bootimg.ko", 10) == 0 &&
		    (name[10] == '\0' || name[10] == '.'))
			return 1;
	}
	return 0;
}

static int exists(const struct bootimg *ctx, const char *path)
{
	char full[4096];

	return bi_sysroot_path(ctx, path, full, sizeof(full)) == 0 &&
	       access(full, F_OK) == 0;
}

/* Does /proc/modules (absent without CONFIG_MODULES) list bootimg? */
static int module_listed(const struct bootimg *ctx)
{
	char *text, line[256];
	const char *pos;
	size_t len;
	int found = 0;

	if (bi_read_whole(ctx, "/proc/modules", &text, &len) < 0)
		return 0;
	pos = text;
	while (!found && bi_next_line(&pos, text + len, line, sizeof(line)))
		found = strncmp(line, "bootimg ", 8) == 0;
	free(text);
	return found;
}

int bi_driver_built_in(const struct bootimg *ctx)
{
	if (exists(ctx, "/sys/module/bootimg/initstate"))
		return 0;
	return exists(ctx, "/sys/module/bootimg") ||
	       (exists(ctx, "/dev/bootimg") && !module_listed(ctx));
}

/* 1 or 0 from a file holding a number; UNKNOWN if it cannot be read. */
static int read_bool(const struct bootimg *ctx, const char *path)
{
	uint64_t v;

	return bi_read_u64(ctx, path, &v) < 0 ? BOOTIMG_UNKNOWN : v != 0;
}

static void read_release(struct bootimg *ctx)
{
	char *release = ctx->text.release, *nl;

	if (bi_read_sysfile(ctx, "/proc/sys/kernel/osrelease", release,
			    sizeof(ctx->text.release)) < 0)
		release[0] = '\0';
	nl = strchr(release, '\n');
	if (nl)
		*nl = '\0';
}

int bi_read_lockdown(const struct bootimg *ctx, int *read_err)
{
	char buf[128];
	int mode, err = bi_read_sysfile(ctx, "/sys/kernel/security/lockdown",
					buf, sizeof(buf));

	if (err == -ENOENT && exists(ctx, "/sys/kernel/security/lsm"))
		err = 0, strcpy(buf, "[none]");	/* no lockdown LSM */
	*read_err = err < 0 ? err : 0;
	mode = err < 0 ? BOOTIMG_UNKNOWN : bi_parse_lockdown(buf);
	return mode < 0 ? BOOTIMG_UNKNOWN : mode;
}

int bi_kexec_load_disabled(const struct bootimg *ctx)
{
	return read_bool(ctx, "/proc/sys/kernel/kexec_load_disabled");
}

static void read_lockdown(struct bootimg *ctx, struct bootimg_facts *f)
{
	int err;

	f->lockdown = bi_read_lockdown(ctx, &err);
	if (err == -EACCES && !f->root)
		f->needs_root |= BOOTIMG_FACT_LOCKDOWN;
}

/* CONFIG_KEXEC*: from the config, else kexec exists or not at all. */
static int read_kexec_config(struct bootimg *ctx, struct bootimg_facts *f)
{
	char *text;
	size_t len;
	int err = bi_kconfig_read(ctx, f->release, &text, &len,
				  ctx->text.config, sizeof(ctx->text.config));

	if (err == -ENOMEM)
		return err;
	if (err < 0) {
		int core = exists(ctx, "/sys/kernel/kexec_loaded");

		if (err == -EACCES && !f->root)
			f->needs_root |= BOOTIMG_FACT_KEXEC_CONFIG;
		f->has_kexec = f->has_kexec_file = core ? BOOTIMG_UNKNOWN : 0;
		f->kexec_sig = f->kexec_sig_force = BOOTIMG_UNKNOWN;
		return 0;
	}
	f->has_kexec = bi_kconfig_enabled(text, len, "CONFIG_KEXEC");
	f->has_kexec_file = bi_kconfig_enabled(text, len, "CONFIG_KEXEC_FILE");
	f->kexec_sig = bi_kconfig_enabled(text, len, "CONFIG_KEXEC_SIG");
	f->kexec_sig_force = bi_kconfig_enabled(text, len,
						"CONFIG_KEXEC_SIG_FORCE");
	free(text);
	return 0;
}

static int read_ima(struct bootimg *ctx, struct bootimg_facts *f)
{
	char *text;
	size_t len;
	int err;

	if (!exists(ctx, "/sys/kernel/security/ima")) {
		f->ima_appraise_kexec = exists(ctx, "/sys/kernel/security/lsm") ?
					0 : BOOTIMG_UNKNOWN;
		return 0;
	}
	err = bi_read_whole(ctx, "/sys/kernel/security/ima/policy", &text,
			    &len);
	if (err == -ENOMEM)
		return err;
	if (err < 0) {
		/* Without CONFIG_IMA_READ_POLICY, not even root reads it. */
		if (err == -EACCES && !f->root)
			f->needs_root |= BOOTIMG_FACT_IMA_POLICY;
		f->ima_appraise_kexec = BOOTIMG_UNKNOWN;
		return 0;
	}
	f->ima_appraise_kexec = bi_ima_appraises_kexec(text, len);
	free(text);
	return 0;
}

/* The SecureBoot variable: 4 bytes of attributes, then 1 when it is on. */
static int read_secure_boot(struct bootimg *ctx, struct bootimg_facts *f)
{
	char *data;
	size_t len;
	int err;

	f->efi = exists(ctx, "/sys/firmware/efi");
	if (!f->efi) {
		f->secure_boot = 0;
		return 0;
	}
	err = bi_read_whole(ctx, "/sys/firmware/efi/efivars/SecureBoot-"
			    EFI_GLOBAL_GUID, &data, &len);
	if (err == -ENOMEM)
		return err;
	f->secure_boot = err < 0 ? (err == -ENOENT &&
				    exists(ctx, "/sys/firmware/efi/efivars/"
					   "SetupMode-" EFI_GLOBAL_GUID) ?
				    0 : BOOTIMG_UNKNOWN) :
			 len >= 5 && data[4] == 1;
	if (err == 0)
		free(data);
	return 0;
}

static void read_module(struct bootimg *ctx, struct bootimg_facts *f)
{
	char path[128], *text;
	size_t len;

	f->module_loaded = exists(ctx, "/dev/bootimg") ||
			   exists(ctx, "/sys/module/bootimg");
	f->module_available = BOOTIMG_UNKNOWN;
	if (!f->release[0])
		return;
	snprintf(path, sizeof(path), "/lib/modules/%s/modules.dep",
		 f->release);
	if (bi_read_whole(ctx, path, &text, &len) < 0)
		return;
	f->module_available = bi_modules_dep_has_bootimg(text, len);
	free(text);
}

static void read_watchdogs(struct bootimg *ctx, struct bootimg_facts *f)
{
	char dir[4096], first[64] = "", path[128], *nl;
	char *watchdog = ctx->text.watchdog;
	size_t size = sizeof(ctx->text.watchdog);
	struct dirent *d;
	DIR *dp;

	if (bi_sysroot_path(ctx, "/sys/class/watchdog", dir, sizeof(dir)) < 0)
		return;
	dp = opendir(dir);
	if (!dp)
		return;
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.' || strlen(d->d_name) >= sizeof(first))
			continue;
		f->watchdogs++;
		if (!first[0] || strcmp(d->d_name, first) < 0)
			strcpy(first, d->d_name);
	}
	closedir(dp);
	if (!first[0])
		return;
	snprintf(path, sizeof(path), "/sys/class/watchdog/%s/identity", first);
	if (bi_read_sysfile(ctx, path, watchdog, size) < 0)
		snprintf(watchdog, size, "%s", first);
	nl = strchr(watchdog, '\n');
	if (nl)
		*nl = '\0';
}

/* bootimg_read_facts() into a struct of this library's size. */
static int read_facts(struct bootimg *ctx, struct bootimg_facts *f)
{
	int err;

	ctx->text.release[0] = ctx->text.config[0] = '\0';
	ctx->text.watchdog[0] = '\0';
	*f = (struct bootimg_facts){
		.size = sizeof(*f),
		.root = geteuid() == 0, .release = ctx->text.release,
		.config = ctx->text.config, .watchdog = ctx->text.watchdog,
	};
	read_release(ctx);
	read_lockdown(ctx, f);
	f->kexec_load_disabled = bi_kexec_load_disabled(ctx);
	err = read_kexec_config(ctx, f);
#ifndef SYS_kexec_file_load
	f->has_kexec_file = 0;	/* i386: no such system call */
#endif
	if (err == 0)
		err = read_ima(ctx, f);
	if (err == 0)
		err = read_secure_boot(ctx, f);
	if (err < 0)
		return err;
	read_module(ctx, f);
	bi_read_u64(ctx, "/sys/kernel/kexec_crash_size", &f->crash_size);
	f->crash_loaded = read_bool(ctx, "/sys/kernel/kexec_crash_loaded");
	read_watchdogs(ctx, f);
	return 0;
}

int bootimg_read_facts(struct bootimg *ctx, struct bootimg_facts *caller_f)
{
	struct bootimg_facts f;
	int err = ext_out_ok(caller_f, BI_V1_FACTS);

	if (err < 0)
		return err;
	err = read_facts(ctx, &f);
	if (err == 0)
		ext_out(caller_f, &f, sizeof(f));
	return err;
}
