// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg --check's facts and verdicts, read from a sysroot made here:
 * lockdown (integrity, confidentiality), kexec_load_disabled, a kernel
 * without kexec, the config's KEXEC_SIG*, the IMA policy, Secure Boot,
 * bootimg.ko, the crash reservation (present and absent), watchdogs, a
 * kernel too large for the memory, and a signed image.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "facts.h"
#include "fake-bzimage.h"
#include "files.h"
#include "internal.h"
#include "tap.h"

#define RELEASE "6.1.0-test-amd64"
#define EFIVAR "/sys/firmware/efi/efivars/SecureBoot-" \
	       "8be4df61-93ca-11d2-aa0d-00e098032b8c"

static char root[512];

static void mkdirs(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0755);
		*p = '/';
	}
}

static void put_bytes(const char *rel, const void *data, size_t size)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s%s", root, rel);
	mkdirs(path);
	f = fopen(path, "we");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		exit(99);
}

static void put(const char *rel, const char *text)
{
	put_bytes(rel, text, strlen(text));
}

static void drop(const char *rel)
{
	char path[1024];

	snprintf(path, sizeof(path), "%s%s", root, rel);
	unlink(path);
}

/* RAM from 1 MiB to END: a 1 GiB machine, or one too small. */
static void ram_up_to(const char *end)
{
	put("/sys/firmware/memmap/0/start", "0x0\n");
	put("/sys/firmware/memmap/0/end", "0x9fbff\n");
	put("/sys/firmware/memmap/0/type", "System RAM\n");
	put("/sys/firmware/memmap/1/start", "0x100000\n");
	put("/sys/firmware/memmap/1/end", end);
	put("/sys/firmware/memmap/1/type", "System RAM\n");
}

/* A Debian-like kernel with kexec, no lockdown, nothing else. */
static void plain_kernel(const char *name)
{
	snprintf(root, sizeof(root), "%s/%s", temp_dir(), name);
	put("/proc/sys/kernel/osrelease", RELEASE "\n");
	put("/proc/sys/kernel/kexec_load_disabled", "0\n");
	put("/sys/kernel/kexec_loaded", "0\n");
	put("/sys/kernel/kexec_crash_loaded", "0\n");
	put("/sys/kernel/kexec_crash_size", "0\n");
	put("/sys/kernel/security/lsm", "capability,lockdown\n");
	put("/sys/kernel/security/lockdown",
	    "[none] integrity confidentiality\n");
	put("/boot/config-" RELEASE, "CONFIG_KEXEC=y\nCONFIG_KEXEC_FILE=y\n"
	    "CONFIG_KEXEC_SIG=y\n# CONFIG_KEXEC_SIG_FORCE is not set\n");
	ram_up_to("0x3fffffff\n");
}

static struct bootimg *context(void)
{
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0 || bootimg_set_sysroot(ctx, root) < 0)
		exit(99);
	return ctx;
}

static const char *kernel_path(int sign)
{
	size_t size = fake_bzimage_size();
	uint8_t *buf = malloc(size);
	const char *path;

	if (!buf)
		exit(99);
	fake_bzimage(buf);
	if (sign) {
		/* MZ, a PE32+ header at 0x40 with 5 data directories */
		static const uint8_t pe[] = { 'P', 'E', 0, 0 };

		buf[0] = 'M', buf[1] = 'Z', buf[0x3c] = 0x40;
		memcpy(buf + 0x40, pe, 4);
		buf[0x40 + 20] = 112 + 5 * 8;		/* SizeOfOptionalHeader */
		buf[0x58] = 0x0b, buf[0x59] = 0x02;	/* PE32+ */
		buf[0x58 + 108] = 5;			/* NumberOfRvaAndSizes */
		buf[0x58 + 112 + 32 + 1] = 0x10;	/* cert table at 0x1000 */
		buf[0x58 + 112 + 36] = 0x80;		/* of 0x80 bytes */
	}
	path = write_temp(sign ? "signed" : "vmlinuz", buf, size);
	free(buf);
	return path;
}

/* Predict REQ's load on the sysroot; returns the verdict. */
static int predict(const char *kernel, enum bootimg_method method,
		   unsigned flags, struct bootimg_check *c)
{
	struct bootimg *ctx = context();
	struct bootimg_request req = { .kernel = kernel, .method = method,
				       .flags = flags };
	struct bootimg_facts f;

	if (bootimg_read_facts(ctx, &f) < 0 || bootimg_check(ctx, &req, &f, c))
		exit(99);
	bootimg_free(ctx);
	return c->verdict;
}

static void test_parsers(void)
{
	static const char ima[] = "measure func=BPRM_CHECK\n"
		"appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig\n";
	static const char dep[] = "kernel/a/x.ko:\n"
		"updates/dkms/bootimg.ko.xz: kernel/b.ko\n";

	printf("# parsers\n");
	CHECK_EQ(bi_parse_lockdown("none [integrity] confidentiality"),
		 BOOTIMG_LOCKDOWN_INTEGRITY);
	CHECK_EQ(bi_parse_lockdown("none integrity [confidentiality]"),
		 BOOTIMG_LOCKDOWN_CONFIDENTIALITY);
	CHECK_EQ(bi_parse_lockdown("[none] integrity confidentiality"),
		 BOOTIMG_LOCKDOWN_NONE);
	CHECK_EQ(bi_parse_lockdown("garbage"), -EINVAL);
	CHECK_EQ(bi_ima_appraises_kexec(ima, sizeof(ima) - 1), 1);
	CHECK_EQ(bi_ima_appraises_kexec(ima, 24), 0);
	CHECK_EQ(bi_kconfig_enabled("CONFIG_KEXEC_SIG=y\n", 19,
				    "CONFIG_KEXEC"), 0);
	CHECK_EQ(bi_kconfig_enabled("CONFIG_KEXEC=y", 14, "CONFIG_KEXEC"), 1);
	CHECK_EQ(bi_modules_dep_has_bootimg(dep, sizeof(dep) - 1), 1);
	CHECK_EQ(bi_modules_dep_has_bootimg(dep, 15), 0);
	CHECK_EQ(bi_modules_dep_has_bootimg("x/bootimg.kox:\n", 15), 0);
}

static void test_facts(void)
{
	static const uint8_t sb_on[] = { 6, 0, 0, 0, 1 };
	struct bootimg *ctx;
	struct bootimg_facts f;

	printf("# every fact, from a sysroot\n");
	plain_kernel("facts");
	put("/sys/kernel/security/lockdown", "none [integrity] confidentiality\n");
	put("/sys/kernel/security/ima/policy",
	    "appraise func=KEXEC_KERNEL_CHECK appraise_type=imasig\n");
	put_bytes(EFIVAR, sb_on, sizeof(sb_on));
	put("/lib/modules/" RELEASE "/modules.dep", "extra/bootimg.ko:\n");
	put("/sys/kernel/kexec_crash_size", "268435456\n");
	put("/sys/kernel/kexec_crash_loaded", "1\n");
	put("/sys/class/watchdog/watchdog0/identity", "i6300ESB timer\n");
	ctx = context();
	CHECK_EQ(bootimg_read_facts(ctx, &f), 0);
	CHECK(strcmp(f.release, RELEASE) == 0);
	CHECK_EQ(f.lockdown, BOOTIMG_LOCKDOWN_INTEGRITY);
	CHECK_EQ(f.kexec_load_disabled, 0);
	CHECK_EQ(f.has_kexec, 1);
	CHECK_EQ(f.has_kexec_file, 1);
	CHECK_EQ(f.kexec_sig, 1);
	CHECK_EQ(f.kexec_sig_force, 0);
	CHECK(strcmp(f.config, "/boot/config-" RELEASE) == 0);
	CHECK_EQ(f.ima_appraise_kexec, 1);
	CHECK_EQ(f.efi, 1);
	CHECK_EQ(f.secure_boot, 1);
	CHECK_EQ(f.module_loaded, 0);
	CHECK_EQ(f.module_available, 1);
	CHECK_EQ(f.crash_size, 268435456);
	CHECK_EQ(f.crash_loaded, 1);
	CHECK_EQ(f.watchdogs, 1);
	CHECK(strcmp(f.watchdog, "i6300ESB timer") == 0);
	CHECK_EQ(f.needs_root, 0);
	bootimg_free(ctx);

	printf("# facts that are missing are unknown, or no\n");
	drop("/sys/kernel/security/lockdown");
	drop("/sys/kernel/security/lsm");
	drop("/sys/kernel/security/ima/policy");
	drop("/boot/config-" RELEASE);
	drop("/sys/class/watchdog/watchdog0/identity");
	ctx = context();
	CHECK_EQ(bootimg_read_facts(ctx, &f), 0);
	CHECK_EQ(f.lockdown, BOOTIMG_UNKNOWN);
	CHECK_EQ(f.has_kexec, BOOTIMG_UNKNOWN);	/* kexec_loaded is there */
	CHECK_EQ(f.kexec_sig_force, BOOTIMG_UNKNOWN);
	CHECK_EQ(f.ima_appraise_kexec, BOOTIMG_UNKNOWN);
	CHECK(strcmp(f.watchdog, "watchdog0") == 0);
	bootimg_free(ctx);
}

static void test_verdicts(void)
{
	struct bootimg_check c;
	const char *unsigned_kernel, *signed_kernel;

	plain_kernel("verdicts");
	unsigned_kernel = kernel_path(0);
	signed_kernel = kernel_path(1);

	printf("# no lockdown: auto takes kexec_file_load\n");
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_AUTO, 0, &c), 0);
	CHECK_EQ(c.result.used, BOOTIMG_METHOD_FILE);
	CHECK_EQ(c.method_error[BOOTIMG_METHOD_KEXEC], BOOTIMG_NOT_TRIED);
	CHECK_EQ(c.pe_signed, 0);
	CHECK_EQ(c.signature_required, 0);
	CHECK_EQ(c.plan_error, 0);
	CHECK(c.plan_bytes >= FAKE_INIT_SIZE);
	CHECK_EQ(c.largest_ram_start, 0x100000);
	CHECK_EQ(c.largest_ram_size, 0x3ff00000);

	printf("# lockdown=integrity: only a signed image, by file\n");
	put("/sys/kernel/security/lockdown", "none [integrity] confidentiality\n");
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_AUTO, 0, &c),
		 -EKEYREJECTED);
	CHECK_EQ(c.result.used, BOOTIMG_METHOD_FILE);
	CHECK_EQ(c.signature_accepted, 0);
	CHECK_EQ(c.method_error[BOOTIMG_METHOD_KEXEC], BOOTIMG_NOT_TRIED);
	CHECK_EQ(predict(signed_kernel, BOOTIMG_METHOD_AUTO, 0, &c), 0);
	CHECK_EQ(c.pe_signed, 1);
	CHECK_EQ(c.result.used, BOOTIMG_METHOD_FILE);
	CHECK_EQ(c.signature_accepted, BOOTIMG_UNKNOWN);
	CHECK_EQ(predict(signed_kernel, BOOTIMG_METHOD_KEXEC, 0, &c), -EPERM);
	CHECK_EQ(c.method_error[BOOTIMG_METHOD_FILE], BOOTIMG_NOT_TRIED);

	printf("# lockdown=confidentiality: the same\n");
	put("/sys/kernel/security/lockdown", "none integrity [confidentiality]\n");
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_AUTO, 0, &c),
		 -EKEYREJECTED);
	put("/dev/bootimg", "");
	CHECK_EQ(predict(signed_kernel, BOOTIMG_METHOD_MODULE, 0, &c), -EPERM);
	drop("/dev/bootimg");
	put("/sys/kernel/security/lockdown", "[none] integrity confidentiality\n");

	printf("# KEXEC_SIG_FORCE demands a signature too\n");
	put("/boot/config-" RELEASE, "CONFIG_KEXEC=y\nCONFIG_KEXEC_FILE=y\n"
	    "CONFIG_KEXEC_SIG=y\nCONFIG_KEXEC_SIG_FORCE=y\n");
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_AUTO, 0, &c),
		 -EKEYREJECTED);
	CHECK_EQ(c.signature_required, 1);

	printf("# kexec_load_disabled: auto stops at file\n");
	put("/proc/sys/kernel/kexec_load_disabled", "1\n");
	CHECK_EQ(predict(signed_kernel, BOOTIMG_METHOD_AUTO, 0, &c), -EPERM);
	CHECK_EQ(c.result.used, BOOTIMG_METHOD_FILE);
	CHECK_EQ(c.method_error[BOOTIMG_METHOD_KEXEC], BOOTIMG_NOT_TRIED);
	put("/proc/sys/kernel/kexec_load_disabled", "0\n");

	printf("# no kexec in the kernel: bootimg.ko, if loaded\n");
	put("/boot/config-" RELEASE, "# CONFIG_KEXEC is not set\n");
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_AUTO, 0, &c), -ENOSYS);
	CHECK_EQ(c.method_error[BOOTIMG_METHOD_FILE], -ENOSYS);
	CHECK_EQ(c.method_error[BOOTIMG_METHOD_MODULE], -ENOSYS);
	CHECK_EQ(c.result.used, BOOTIMG_METHOD_KEXEC);
	put("/sys/module/bootimg/refcnt", "0\n");
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_AUTO, 0, &c), 0);
	CHECK_EQ(c.result.used, BOOTIMG_METHOD_MODULE);
	drop("/sys/module/bootimg/refcnt");
	rmdir(strcat(strcpy((char[1024]){ 0 }, root), "/sys/module/bootimg"));
	put("/boot/config-" RELEASE, "CONFIG_KEXEC=y\nCONFIG_KEXEC_FILE=y\n");

	printf("# a kernel too large for the memory\n");
	ram_up_to("0x7fffff\n");	/* 7 MiB: the kernel needs 8 */
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_AUTO, 0, &c), -ENOSPC);
	CHECK_EQ(c.plan_error, -ENOSPC);
	CHECK_EQ(c.largest_ram_start, 0x100000);
	CHECK_EQ(c.largest_ram_size, 0x700000);
	CHECK(c.plan_bytes >= FAKE_INIT_SIZE);
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_KEXEC, 0, &c), -ENOSPC);
	ram_up_to("0x3fffffff\n");

	printf("# a panic kernel without a reservation\n");
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_AUTO,
			 BOOTIMG_LOAD_PANIC, &c), -EDESTADDRREQ);
	CHECK_EQ(c.method_error[BOOTIMG_METHOD_FILE], BOOTIMG_NOT_TRIED);

	printf("# a panic kernel with a reservation (qemu-crash-1g)\n");
	snprintf(root, sizeof(root), "%s", fixture("qemu-crash-1g"));
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_KEXEC,
			 BOOTIMG_LOAD_PANIC, &c), 0);
	CHECK_EQ(c.plan_error, 0);
	CHECK_EQ(c.largest_ram_size, 0x10000000);
	CHECK_EQ(predict(unsigned_kernel, BOOTIMG_METHOD_MODULE,
			 BOOTIMG_LOAD_PANIC, &c), -EOPNOTSUPP);
	temp_cleanup();
}

int main(void)
{
	test_parsers();
	test_facts();
	test_verdicts();
	temp_cleanup();
	return tap_done();
}
