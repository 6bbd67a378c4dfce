// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's kexec policies, applied to bootimg.ko as kexec_load(2)'s
 * kexec_load_check() applies them: lockdown, the LSMs' rules for loading
 * a kexec image (IMA appraisal, LoadPin, SELinux, BPF-LSM),
 * kernel.kexec_load_disabled and kernel.kexec_load_limit_reboot.
 *
 * The two sysctls live in kernel/kexec_core.c, not exported (static in
 * later kernels; kallsyms cannot find data on kernels without
 * KALLSYMS_ALL, such as Debian's 686), so they are read where an
 * administrator reads them, in /proc/sys/kernel, in the caller's mount
 * namespace.  A kernel with kexec and sysctls whose value cannot be read
 * there gets a refusal, not a guess.  The limit, where the kernel has it
 * (6.12 does, 6.1 does not), is counted down by writing the value less
 * one, which the sysctl accepts because it only ever decreases.
 */
#define pr_fmt(fmt) "bootimg: " fmt

#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>
#include <linux/security.h>
#include "policy.h"

static bool override_kexec_load_disabled;
module_param(override_kexec_load_disabled, bool, 0444);
MODULE_PARM_DESC(override_kexec_load_disabled,
		 "stage kernels even while kernel.kexec_load_disabled is 1 (default: no)");

#define SYSCTL_DIR "/proc/sys/kernel/"

static int read_sysctl(const char *path, int *val)
{
	char buf[24] = "";
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, sizeof(buf) - 1, &pos);
	filp_close(f, NULL);
	if (n < 0)
		return n;
	return kstrtoint(buf, 10, val);
}

static int write_sysctl(const char *path, int val)
{
	char buf[24];
	struct file *f = filp_open(path, O_WRONLY, 0);
	loff_t pos = 0;
	int len = scnprintf(buf, sizeof(buf), "%d\n", val);
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, buf, len, &pos);
	filp_close(f, NULL);
	return n < 0 ? n : 0;
}

/* Kernels without kexec or without /proc/sys have neither latch. */
static bool kernel_has_kexec_sysctls(void)
{
	return IS_ENABLED(CONFIG_KEXEC_CORE) && IS_ENABLED(CONFIG_PROC_SYSCTL);
}

static int check_kexec_load_disabled(void)
{
	int disabled, err = read_sysctl(SYSCTL_DIR "kexec_load_disabled",
					&disabled);

	if (err) {
		pr_err("cannot read %skexec_load_disabled (error %d): refusing to load\n",
		       SYSCTL_DIR, err);
		return -EPERM;
	}
	if (disabled && !override_kexec_load_disabled) {
		pr_err("kernel.kexec_load_disabled is 1: refusing to load (module parameter override_kexec_load_disabled=1 allows it)\n");
		return -EPERM;
	}
	return 0;
}

/* Takes one load off kernel.kexec_load_limit_reboot, as kexec_load does. */
static int use_kexec_load_limit(void)
{
	static const char path[] = SYSCTL_DIR "kexec_load_limit_reboot";
	int limit, err = read_sysctl(path, &limit);

	if (err == -ENOENT)
		return 0;	/* an older kernel: no limit */
	if (!err && limit == 0) {
		pr_err("kernel.kexec_load_limit_reboot is used up: refusing to load\n");
		return -EPERM;
	}
	if (!err && limit > 0)
		err = write_sysctl(path, limit - 1);
	if (err) {
		pr_err("cannot count down %s (error %d): refusing to load\n",
		       path, err);
		return -EPERM;
	}
	return 0;
}

int bootimg_locked_down(void)
{
	int err = security_locked_down(LOCKDOWN_KEXEC);

	if (err)
		pr_err("the kernel is locked down: booting another kernel is not allowed\n");
	return err;
}

void bootimg_log_caller(const char *what)
{
	pr_info("%s by uid %u (%s)\n", what,
		from_kuid(&init_user_ns, current_uid()), current->comm);
}

int bootimg_load_permitted(void)
{
	int err;

	if (kernel_has_kexec_sysctls()) {
		err = check_kexec_load_disabled();
		if (err)
			return err;
	}
	err = security_kernel_load_data(LOADING_KEXEC_IMAGE, false);
	if (err) {
		pr_err("a security policy refuses loading a kexec image (error %d)\n",
		       err);
		return -EPERM;	/* as every other policy; LSMs say EACCES */
	}
	err = bootimg_locked_down();
	if (err)
		return err;
	return kernel_has_kexec_sysctls() ? use_kexec_load_limit() : 0;
}
