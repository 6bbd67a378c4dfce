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
#include <strings.h>
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

/* Does the IMA rule RULE (its action and func) reach kexec's hooks? */
static int rule_covers_kexec(const char *rule)
{
	static const char *const funcs[] = {
		" func=KEXEC_KERNEL_CHECK", " func=KEXEC_INITRAMFS_CHECK",
		" func=KEXEC_CMDLINE",
	};
	size_t i;

	if (strncmp(rule, "measure ", 8) != 0 &&
	    strncmp(rule, "appraise ", 9) != 0)
		return 0;
	if (!strstr(rule, " func="))
		return 1;	/* a rule without func= matches every hook */
	for (i = 0; i < ARRAY_SIZE(funcs); i++)
		if (strstr(rule, funcs[i]))
			return 1;
	return 0;
}

int bi_ima_covers_kexec(const char *text, size_t len)
{
	const char *pos = text;
	char rule[512];

	while (bi_next_line(&pos, text + len, rule, sizeof(rule)))
		if (rule_covers_kexec(rule))
			return 1;
	return 0;
}

/* The value of the command line's last WORD=, or NULL; copied to VALUE. */
static const char *cmdline_value(const char *cmdline, const char *word,
				 char *value, size_t size)
{
	size_t n = strlen(word);
	const char *p = cmdline, *found = NULL;

	for (; *p; p += strcspn(p, " \t\n")) {
		p += strspn(p, " \t\n");
		if (strncmp(p, word, n) == 0 && p[n] == '=')
			found = p + n + 1;
	}
	if (!found)
		return NULL;
	n = strcspn(found, " \t\n");
	snprintf(value, size, "%.*s", (int)(n < size ? n : size - 1), found);
	return value;
}

static int cmdline_has_word(const char *cmdline, const char *word)
{
	size_t n = strlen(word);
	const char *p = cmdline;

	for (; *p; p += strcspn(p, " \t\n")) {
		p += strspn(p, " \t\n");
		if (strncmp(p, word, n) == 0 && strchr(" \t\n", p[n]))
			return 1;
	}
	return 0;
}

int bi_cmdline_ima_kexec(const char *cmdline)
{
	char value[256], *item, *save;

	if (cmdline_has_word(cmdline, "ima_appraise_tcb"))
		return 1;
	if (!cmdline_value(cmdline, "ima_policy", value, sizeof(value)))
		return 0;
	/* "tcb" measures no kexec hook; these two appraise them */
	for (item = strtok_r(value, "|", &save); item;
	     item = strtok_r(NULL, "|", &save))
		if (strcmp(item, "appraise_tcb") == 0 ||
		    strcmp(item, "secure_boot") == 0)
			return 1;
	return 0;
}

int bi_cmdline_kho(const char *cmdline, int by_default)
{
	char value[16];

	if (!cmdline_value(cmdline, "kho", value, sizeof(value)))
		return by_default;
	/* the kernel's kstrtobool() */
	if (!value[0])
		return by_default;
	return strchr("yY1", value[0]) ? 1 : strchr("nN0", value[0]) ? 0 :
	       strcasecmp(value, "on") == 0 ? 1 :
	       strcasecmp(value, "off") == 0 ? 0 : by_default;
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

/*
 * The kernel's config, kept in CFG for the facts read from it; NULL
 * where it cannot be read.
 */
struct config {
	char *text;
	size_t len;
};

/* 1, 0, or UNKNOWN without a config. */
static int config_enabled(const struct config *cfg, const char *name)
{
	return cfg->text ? bi_kconfig_enabled(cfg->text, cfg->len, name) :
	       BOOTIMG_UNKNOWN;
}

/* CONFIG_KEXEC*: from the config, else kexec exists or not at all. */
static int read_kexec_config(struct bootimg *ctx, struct bootimg_facts *f,
			     struct config *cfg)
{
	int err = bi_kconfig_read(ctx, f->release, &cfg->text, &cfg->len,
				  ctx->text.config, sizeof(ctx->text.config));

	if (err < 0)
		cfg->text = NULL;
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
	f->has_kexec = config_enabled(cfg, "CONFIG_KEXEC");
	f->has_kexec_file = config_enabled(cfg, "CONFIG_KEXEC_FILE");
	f->kexec_sig = config_enabled(cfg, "CONFIG_KEXEC_SIG");
	f->kexec_sig_force = config_enabled(cfg, "CONFIG_KEXEC_SIG_FORCE");
	return 0;
}

/*
 * The IMA rules in force from boot on: the command line's, and the one
 * CONFIG_IMA_APPRAISE_REQUIRE_KEXEC_SIGS builds in (the arch policy
 * comes with Secure Boot, a fact of its own).
 */
static int boot_ima_kexec(const struct config *cfg, const char *cmdline)
{
	int built_in = config_enabled(cfg, "CONFIG_IMA_APPRAISE_BUILD_POLICY");

	if (bi_cmdline_ima_kexec(cmdline))
		return 1;
	if (built_in == 1)
		return config_enabled(cfg,
				      "CONFIG_IMA_APPRAISE_REQUIRE_KEXEC_SIGS");
	return built_in;
}

/*
 * Does an IMA rule reach kexec, where the policy cannot be read?  Without
 * CONFIG_IMA_READ_POLICY or CONFIG_IMA_WRITE_POLICY, the kernel removes
 * the policy file once a policy is written to it: while it is there, the
 * boot's rules are all there are.  Without securityfs mounted, nobody
 * could write one either.  Else nobody knows.
 */
static int unread_ima_kexec(struct bootimg *ctx, const struct config *cfg,
			    const char *cmdline, int policy_err)
{
	if (!exists(ctx, "/sys/kernel/security/lsm"))
		return boot_ima_kexec(cfg, cmdline);
	if (policy_err == -ENOENT ||
	    config_enabled(cfg, "CONFIG_IMA_READ_POLICY") != 0 ||
	    config_enabled(cfg, "CONFIG_IMA_WRITE_POLICY") != 0)
		return BOOTIMG_UNKNOWN;
	return boot_ima_kexec(cfg, cmdline);
}

static int read_ima(struct bootimg *ctx, struct bootimg_facts *f,
		    const struct config *cfg, const char *cmdline)
{
	char *text;
	size_t len;
	int err;

	if (!exists(ctx, "/sys/kernel/security/ima")) {
		int no_ima = exists(ctx, "/sys/kernel/security/lsm");

		f->ima_appraise_kexec = no_ima ? 0 : BOOTIMG_UNKNOWN;
		f->ima_kexec = no_ima ? 0 :
			       unread_ima_kexec(ctx, cfg, cmdline, 0);
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
		f->ima_kexec = unread_ima_kexec(ctx, cfg, cmdline, err);
		return 0;
	}
	f->ima_appraise_kexec = bi_ima_appraises_kexec(text, len);
	f->ima_kexec = bi_ima_covers_kexec(text, len);
	free(text);
	return 0;
}

/*
 * Kexec handover: kho=on, or on by default
 * (CONFIG_KEXEC_HANDOVER_ENABLE_DEFAULT), or its debugfs directory.
 */
static void read_kho(struct bootimg *ctx, struct bootimg_facts *f,
		     const struct config *cfg, const char *cmdline)
{
	int by_default = config_enabled(cfg,
				"CONFIG_KEXEC_HANDOVER_ENABLE_DEFAULT") == 1;

	f->kho = bi_cmdline_kho(cmdline, by_default) ||
		 exists(ctx, "/sys/kernel/debug/kho");
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

/* The running kernel's command line, "" if it cannot be read. */
static char *read_cmdline(const struct bootimg *ctx)
{
	char *text;
	size_t len;

	if (bi_read_whole(ctx, "/proc/cmdline", &text, &len) < 0)
		return strdup("");
	return text;
}

int bi_read_auto_facts(struct bootimg *ctx, struct bootimg_facts *f)
{
	struct config cfg = { NULL, 0 };
	char *cmdline = read_cmdline(ctx);
	int err;

	if (!cmdline)
		return -ENOMEM;
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
	err = read_kexec_config(ctx, f, &cfg);
#ifndef SYS_kexec_file_load
	f->has_kexec_file = 0;	/* i386: no such system call */
#endif
	if (err == 0)
		err = read_ima(ctx, f, &cfg, cmdline);
	if (err == 0)
		err = read_secure_boot(ctx, f);
	if (err == 0)
		read_kho(ctx, f, &cfg, cmdline);
	free(cfg.text);
	free(cmdline);
	return err;
}

/* bootimg_read_facts() into a struct of this library's size. */
static int read_facts(struct bootimg *ctx, struct bootimg_facts *f)
{
	int err = bi_read_auto_facts(ctx, f);

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
