// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The auto method's way (src/lib/method-auto.c): kexec_load with fast
 * boot where no fact speaks against it, kexec_file_load first for each
 * fact that does (lockdown, kexec disabled, no kexec_load, KHO,
 * KEXEC_SIG_FORCE, Secure Boot, an IMA rule for kexec, a policy or a
 * config that cannot be read), and what the request decides alone.  The
 * facts behind them, read from a sysroot made here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "facts.h"
#include "fake-bzimage.h"
#include "internal.h"
#include "method.h"
#include "tap.h"

#define RELEASE "6.1.0-test-amd64"

/* A kernel where nothing speaks against the fast way. */
static const struct bootimg_facts open_kernel = {
	.size = sizeof(struct bootimg_facts),
	.lockdown = BOOTIMG_LOCKDOWN_NONE, .has_kexec = 1,
	.has_kexec_file = 1, .kexec_sig = 1,
};

static enum bootimg_auto_reason reason(const struct bootimg_facts *f,
				       enum bootimg_method method,
				       unsigned flags)
{
	struct bootimg_request req = {
		.size = sizeof(req), .kernel = "k", .method = method,
		.flags = flags,
	};

	return bi_auto_reason(&req, f);
}

/* open_kernel with one fact changed by CHANGE. */
#define WITH(change) ({ struct bootimg_facts f_ = open_kernel; \
			f_.change; reason(&f_, BOOTIMG_METHOD_AUTO, 0); })

static void test_rule(void)
{
	const struct bootimg_facts *f = &open_kernel;

	printf("# nothing against it: kexec_load with fast boot\n");
	CHECK_EQ(reason(f, BOOTIMG_METHOD_AUTO, 0), BOOTIMG_AUTO_FAST);
	CHECK_EQ(WITH(lockdown = BOOTIMG_UNKNOWN), BOOTIMG_AUTO_FAST);
	CHECK_EQ(WITH(kexec_load_disabled = BOOTIMG_UNKNOWN),
		 BOOTIMG_AUTO_FAST);
	CHECK_EQ(WITH(efi = 1), BOOTIMG_AUTO_FAST);	/* Secure Boot off */
	/* without kexec_file_load (i386), nothing is kept first */
	CHECK_EQ(WITH(has_kexec_file = 0; f_.kexec_sig_force = 1),
		 BOOTIMG_AUTO_FAST);
	CHECK_EQ(WITH(has_kexec_file = 0; f_.lockdown = 1),
		 BOOTIMG_AUTO_LOCKDOWN);

	printf("# each fact against it: kexec_file_load first\n");
	CHECK_EQ(WITH(lockdown = BOOTIMG_LOCKDOWN_INTEGRITY),
		 BOOTIMG_AUTO_LOCKDOWN);
	CHECK_EQ(WITH(lockdown = BOOTIMG_LOCKDOWN_CONFIDENTIALITY),
		 BOOTIMG_AUTO_LOCKDOWN);
	CHECK_EQ(WITH(kexec_load_disabled = 1), BOOTIMG_AUTO_KEXEC_DISABLED);
	CHECK_EQ(WITH(has_kexec = 0), BOOTIMG_AUTO_NO_KEXEC_LOAD);
	CHECK_EQ(WITH(kho = 1), BOOTIMG_AUTO_KHO);
	CHECK_EQ(WITH(kexec_sig_force = 1), BOOTIMG_AUTO_SIG_FORCE);
	CHECK_EQ(WITH(secure_boot = 1), BOOTIMG_AUTO_SECURE_BOOT);
	CHECK_EQ(WITH(secure_boot = BOOTIMG_UNKNOWN), BOOTIMG_AUTO_SECURE_BOOT);
	CHECK_EQ(WITH(ima_kexec = 1), BOOTIMG_AUTO_IMA);
	CHECK_EQ(WITH(ima_kexec = BOOTIMG_UNKNOWN), BOOTIMG_AUTO_IMA_UNKNOWN);
	CHECK_EQ(WITH(kexec_sig_force = BOOTIMG_UNKNOWN),
		 BOOTIMG_AUTO_CONFIG_UNKNOWN);

	printf("# what the request decides alone\n");
	CHECK_EQ(reason(f, BOOTIMG_METHOD_FILE, 0), BOOTIMG_AUTO_NOT_AUTO);
	CHECK_EQ(reason(f, BOOTIMG_METHOD_KEXEC, 0), BOOTIMG_AUTO_NOT_AUTO);
	CHECK_EQ(reason(f, BOOTIMG_METHOD_AUTO, BOOTIMG_LOAD_PANIC),
		 BOOTIMG_AUTO_PANIC);
	CHECK_EQ(reason(f, BOOTIMG_METHOD_AUTO, BOOTIMG_LOAD_NO_FAST_BOOT),
		 BOOTIMG_AUTO_NO_FAST_BOOT);
	CHECK_EQ(reason(f, BOOTIMG_METHOD_AUTO, BOOTIMG_LOAD_FAST_BOOT),
		 BOOTIMG_AUTO_REQUESTED);
	CHECK_EQ(reason(f, BOOTIMG_METHOD_AUTO, BOOTIMG_LOAD_ENTRY32),
		 BOOTIMG_AUTO_REQUESTED);
}

static void test_parsers(void)
{
	static const char tcb[] = "dont_measure fsmagic=0x9fa0\n"
		"measure func=BPRM_CHECK\nmeasure func=MODULE_CHECK\n";

	printf("# IMA rules that reach kexec\n");
	CHECK_EQ(bi_ima_covers_kexec(tcb, sizeof(tcb) - 1), 0);
	CHECK_EQ(bi_ima_covers_kexec("", 0), 0);
	CHECK_EQ(bi_ima_covers_kexec("measure func=KEXEC_KERNEL_CHECK\n", 32),
		 1);
	CHECK_EQ(bi_ima_covers_kexec("appraise func=KEXEC_INITRAMFS_CHECK "
				     "appraise_type=imasig\n", 56), 1);
	CHECK_EQ(bi_ima_covers_kexec("measure func=KEXEC_CMDLINE\n", 27), 1);
	CHECK_EQ(bi_ima_covers_kexec("appraise fowner=0\n", 18), 1);
	CHECK_EQ(bi_ima_covers_kexec("dont_measure func=KEXEC_KERNEL_CHECK\n",
				     37), 0);
	CHECK_EQ(bi_ima_covers_kexec("audit func=KEXEC_KERNEL_CHECK\n", 30),
		 0);

	printf("# the command line's IMA policies and kho=\n");
	CHECK_EQ(bi_cmdline_ima_kexec("root=/dev/vda ima_policy=tcb"), 0);
	CHECK_EQ(bi_cmdline_ima_kexec("ima_policy=tcb|secure_boot quiet"), 1);
	CHECK_EQ(bi_cmdline_ima_kexec("ima_policy=appraise_tcb"), 1);
	CHECK_EQ(bi_cmdline_ima_kexec("ima_appraise_tcb"), 1);
	CHECK_EQ(bi_cmdline_ima_kexec("xima_appraise_tcb"), 0);
	CHECK_EQ(bi_cmdline_kho("quiet kho=on", 0), 1);
	CHECK_EQ(bi_cmdline_kho("kho=1 kho=off", 0), 0);	/* the last */
	CHECK_EQ(bi_cmdline_kho("kho=y", 0), 1);
	CHECK_EQ(bi_cmdline_kho("nokho=on", 0), 0);
	CHECK_EQ(bi_cmdline_kho("quiet", 1), 1);
	CHECK_EQ(bi_cmdline_kho("kho=", 0), 0);
}

static char root[512];

static void put(const char *rel, const char *text)
{
	char path[1024], *p;
	FILE *f;

	snprintf(path, sizeof(path), "%s%s", root, rel);
	for (p = path + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	f = fopen(path, "we");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		exit(99);
}

static void drop(const char *rel)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s%s", root, rel);
	unlink(path);
}

static struct bootimg_facts facts(void)
{
	struct bootimg_facts f = { .size = sizeof(f) };
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0 || bi_set_sysroot(ctx, root) < 0 ||
	    bootimg_read_facts(ctx, &f) < 0)
		exit(99);
	bootimg_free(ctx);
	return f;
}

#define CONFIG "CONFIG_KEXEC=y\nCONFIG_KEXEC_FILE=y\nCONFIG_IMA=y\n"

static void test_facts(void)
{
	struct bootimg_facts f;

	printf("# facts: a Debian kernel, its IMA policy write-only\n");
	snprintf(root, sizeof(root), "%s/facts", temp_dir());
	put("/proc/sys/kernel/osrelease", RELEASE "\n");
	put("/proc/cmdline", "root=/dev/vda ro\n");
	put("/sys/kernel/security/lsm", "capability,lockdown,integrity\n");
	put("/sys/kernel/security/lockdown", "[none] integrity\n");
	put("/sys/kernel/security/ima/policy", "");
	put("/boot/config-" RELEASE, CONFIG);
	f = facts();
	CHECK_EQ(f.ima_kexec, 0);
	CHECK_EQ(f.kho, 0);
	CHECK_EQ(bi_auto_reason(&(struct bootimg_request){
		.size = sizeof(struct bootimg_request) }, &f), BOOTIMG_AUTO_FAST);

	printf("# a policy with a kexec rule\n");
	put("/sys/kernel/security/ima/policy",
	    "measure func=KEXEC_KERNEL_CHECK\n");
	CHECK_EQ(facts().ima_kexec, 1);

	printf("# the policy file gone: a policy was loaded, unknown\n");
	drop("/sys/kernel/security/ima/policy");
	CHECK_EQ(facts().ima_kexec, BOOTIMG_UNKNOWN);

	printf("# no securityfs: the command line's policy only\n");
	drop("/sys/kernel/security/lsm");
	drop("/sys/kernel/security/lockdown");
	rmdir(strcat(strcpy((char[1024]){ 0 }, root),
		     "/sys/kernel/security/ima"));
	CHECK_EQ(facts().ima_kexec, 0);
	put("/proc/cmdline", "root=/dev/vda ima_policy=secure_boot\n");
	CHECK_EQ(facts().ima_kexec, 1);
	put("/boot/config-" RELEASE, CONFIG
	    "CONFIG_IMA_APPRAISE_BUILD_POLICY=y\n"
	    "CONFIG_IMA_APPRAISE_REQUIRE_KEXEC_SIGS=y\n");
	put("/proc/cmdline", "root=/dev/vda\n");
	CHECK_EQ(facts().ima_kexec, 1);
	drop("/boot/config-" RELEASE);
	CHECK_EQ(facts().ima_kexec, BOOTIMG_UNKNOWN);

	printf("# kexec handover: kho=on, or its debugfs directory\n");
	put("/proc/cmdline", "root=/dev/vda kho=on\n");
	CHECK_EQ(facts().kho, 1);
	put("/proc/cmdline", "root=/dev/vda\n");
	put("/sys/kernel/debug/kho/out/finalize", "0\n");
	CHECK_EQ(facts().kho, 1);
	temp_cleanup();
}

int main(void)
{
	test_rule();
	test_parsers();
	test_facts();
	return tap_done();
}
