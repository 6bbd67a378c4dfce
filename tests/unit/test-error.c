// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The error channel: what bootimg_last_error() says after real loads
 * whose system calls tests/shim traps and fails as told (the program
 * runs itself again under the shim), and what auto says through the log
 * function.  The machine is a fixture below a sysroot.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <unistd.h>
#include "fake-bzimage.h"
#include "files.h"
#include "internal.h"
#include "tap.h"

static const char *kernel;

/* Run again with the shim preloaded, unless it is already. */
static void under_shim(char **argv)
{
	const char *top = getenv("top_builddir");
	char shim[4096];

	if (getenv("BOOTIMG_SHIM_LOG"))
		return;
	snprintf(shim, sizeof(shim), "%s/tests/shim/.libs/syscall-shim.so",
		 top ? top : ".");
	if (access(shim, R_OK) != 0) {
		printf("Bail out! %s is missing\n", shim);
		exit(99);
	}
	setenv("LD_PRELOAD", shim, 1);
	setenv("BOOTIMG_SHIM_LOG", "/dev/null", 1);
	execv("/proc/self/exe", argv);
	exit(99);
}

/* A copy of the fixture NAME, which the test may change. */
static const char *sysroot(const char *name)
{
	static char root[1024];
	char cmd[4096];

	snprintf(root, sizeof(root), "%s/%s", temp_dir(), name);
	snprintf(cmd, sizeof(cmd), "cp -r '%s' '%s' && chmod -R u+w '%s' && "
		 "mkdir -p '%s/proc/sys/kernel'", fixture(name), root, root,
		 root);
	if (system(cmd) != 0)
		exit(99);
	return root;
}

static struct bootimg *context(const char *root)
{
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0 || bi_set_sysroot(ctx, root) < 0)
		exit(99);
	return ctx;
}

static int load(struct bootimg *ctx, enum bootimg_method method,
		unsigned flags)
{
	struct bootimg_request req = { .size = sizeof(req), .kernel = kernel,
				       .method = method, .flags = flags };
	struct bootimg_load_result result = { .size = sizeof(result) };

	return bootimg_load(ctx, &req, &result);
}

static int path_is(const struct bootimg_error *e, const char *path)
{
	return e->path && strcmp(e->path, path) == 0;
}

static void test_refused_segment(const char *pc, const char *crash)
{
	struct bootimg *ctx = context(pc);
	const struct bootimg_error *e = bootimg_last_error(ctx);

	printf("# kexec_load refuses a segment outside RAM\n");
	setenv("BOOTIMG_SHIM_ERRNO_KEXEC_LOAD", "EADDRNOTAVAIL", 1);
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_KEXEC, 0), -EADDRNOTAVAIL);
	unsetenv("BOOTIMG_SHIM_ERRNO_KEXEC_LOAD");
	CHECK_EQ(e->err, -EADDRNOTAVAIL);
	CHECK_EQ(e->cause, BOOTIMG_CAUSE_OUTSIDE_RAM);
	CHECK_EQ(e->method, BOOTIMG_METHOD_KEXEC);
	CHECK(path_is(e, kernel));
	CHECK(e->reason && strstr(e->reason, "outside RAM"));

	printf("# the next load starts with a clean channel\n");
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_KEXEC, 0), 0);
	CHECK_EQ(e->err, 0);
	CHECK_EQ(e->cause, BOOTIMG_CAUSE_NONE);
	CHECK(e->path == NULL && e->reason == NULL);
	bootimg_free(ctx);

	printf("# a panic kernel outside the crash reservation\n");
	ctx = context(crash);
	e = bootimg_last_error(ctx);
	setenv("BOOTIMG_SHIM_CRASH_RANGE", "30000000-3fffffff", 1);
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_KEXEC, BOOTIMG_LOAD_PANIC),
		 -EADDRNOTAVAIL);
	unsetenv("BOOTIMG_SHIM_CRASH_RANGE");
	CHECK_EQ(e->cause, BOOTIMG_CAUSE_OUTSIDE_CRASH_RESERVATION);
	CHECK_EQ(e->method, BOOTIMG_METHOD_KEXEC);
	CHECK(e->reason && strstr(e->reason, "outside the crash reservation"));
	bootimg_free(ctx);
}

static void test_not_permitted(const char *pc)
{
	struct bootimg *ctx = context(pc);
	const struct bootimg_error *e = bootimg_last_error(ctx);
	struct bootimg_status status = { .size = sizeof(status) };
	char path[4200];
	FILE *f;

	printf("# EPERM with kernel.kexec_load_disabled=1\n");
	snprintf(path, sizeof(path), "%s/proc/sys/kernel/kexec_load_disabled",
		 pc);
	f = fopen(path, "we");
	if (!f || fputs("1\n", f) < 0 || fclose(f) != 0)
		exit(99);
	setenv("BOOTIMG_SHIM_ERRNO_KEXEC_LOAD", "EPERM", 1);
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_KEXEC, 0), -EPERM);
	unsetenv("BOOTIMG_SHIM_ERRNO_KEXEC_LOAD");
	CHECK_EQ(e->cause, geteuid() == 0 ? BOOTIMG_CAUSE_KEXEC_DISABLED
					  : BOOTIMG_CAUSE_NOT_ROOT);
	CHECK_EQ(e->method, BOOTIMG_METHOD_KEXEC);

	printf("# and when reboot(LINUX_REBOOT_CMD_KEXEC) refuses\n");
	setenv("BOOTIMG_SHIM_ERRNO_REBOOT", "EPERM", 1);
	CHECK_EQ(bootimg_exec(ctx), -EPERM);
	unsetenv("BOOTIMG_SHIM_ERRNO_REBOOT");
	CHECK_EQ(e->cause, geteuid() == 0 ? BOOTIMG_CAUSE_KEXEC_DISABLED
					  : BOOTIMG_CAUSE_NOT_ROOT);
	unlink(path);

	printf("# a status that one interface answers clears the channel\n");
	CHECK_EQ(bootimg_get_status(ctx, &status), 0);
	CHECK_EQ(e->err, 0);

	printf("# no bootimg.ko: the module method's ENOSYS\n");
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_MODULE, 0), -ENOSYS);
	CHECK_EQ(e->method, BOOTIMG_METHOD_MODULE);
	CHECK(path_is(e, "/dev/bootimg"));
	bootimg_free(ctx);
}

static void test_request(const char *pc, const char *crash)
{
	struct bootimg *ctx = context(pc);
	const struct bootimg_error *e = bootimg_last_error(ctx);
	struct bootimg_request req = { .size = sizeof(req), .kernel = kernel };
	struct bootimg_facts facts = { .size = sizeof(facts) };
	struct bootimg_check check = { .size = sizeof(check) };
	char *cmdline = malloc(FAKE_CMDLINE_SIZE + 2);

	printf("# a panic kernel without a reservation: before any method\n");
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_AUTO, BOOTIMG_LOAD_PANIC), -ENOSPC);
	CHECK_EQ(e->cause, BOOTIMG_CAUSE_NO_CRASH_RESERVATION);
	CHECK_EQ(e->method, BOOTIMG_METHOD_AUTO);

	printf("# bootimg_check keeps the refusal's cause\n");
	req.flags = BOOTIMG_LOAD_PANIC;
	CHECK_EQ(bootimg_read_facts(ctx, &facts), 0);
	CHECK_EQ(bootimg_check(ctx, &req, &facts, &check), 0);
	CHECK_EQ(check.verdict, -ENOSPC);
	CHECK_EQ(e->err, -ENOSPC);
	CHECK_EQ(e->cause, BOOTIMG_CAUSE_NO_CRASH_RESERVATION);
	bootimg_free(ctx);

	printf("# and records no prediction (kexec_load_disabled=1)\n");
	ctx = context(crash);
	e = bootimg_last_error(ctx);
	CHECK_EQ(bootimg_read_facts(ctx, &facts), 0);
	facts.kexec_load_disabled = 1;
	req.method = BOOTIMG_METHOD_KEXEC;
	CHECK_EQ(bootimg_check(ctx, &req, &facts, &check), 0);
	CHECK_EQ(check.verdict, -EPERM);
	CHECK_EQ(e->err, 0);
	bootimg_free(ctx);

	printf("# a command line over the kernel's limit names the limit\n");
	ctx = context(pc);
	e = bootimg_last_error(ctx);
	memset(cmdline, 'x', FAKE_CMDLINE_SIZE + 1);
	cmdline[FAKE_CMDLINE_SIZE + 1] = '\0';
	req = (struct bootimg_request){ .size = sizeof(req),
					.kernel = kernel, .cmdline = cmdline,
					.method = BOOTIMG_METHOD_KEXEC };
	CHECK_EQ(bootimg_load(ctx, &req, &(struct bootimg_load_result){
			.size = sizeof(struct bootimg_load_result) }),
		 -E2BIG);
	CHECK_EQ(e->cause, BOOTIMG_CAUSE_CMDLINE_TOO_LONG);
	CHECK_EQ(e->limit, FAKE_CMDLINE_SIZE);
	CHECK(path_is(e, kernel));
	free(cmdline);
	bootimg_free(ctx);
}

#ifdef SYS_kexec_file_load	/* i386 has no kexec_file_load to fall from */
struct log {
	int priority;
	char text[512];
	unsigned lines;
};

static void remember(void *data, int priority, const char *format,
		     va_list args)
{
	struct log *log = data;

	log->priority = priority;
	vsnprintf(log->text, sizeof(log->text), format, args);
	log->lines++;
}

static void test_log(const char *pc)
{
	struct bootimg *ctx = context(pc);
	struct log log = { 0 };

	printf("# auto explains its fallback through the log function\n");
	setenv("BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD", "EINVAL", 1);
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_AUTO, 0), 0);	/* no function */
	bootimg_set_log_fn(ctx, remember, &log);
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_AUTO, 0), 0);
	CHECK_EQ(log.lines, 2);		/* its way and why, then this */
	CHECK_EQ(log.priority, LOG_INFO);
	CHECK(strcmp(log.text, "kexec_file_load failed (Invalid argument); "
		     "used kexec_load") == 0);

	printf("# also when the method it falls back to fails\n");
	setenv("BOOTIMG_SHIM_ERRNO_KEXEC_LOAD", "EBUSY", 1);
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_AUTO, 0), -EBUSY);
	CHECK(strstr(log.text, "; tried kexec_load") != NULL);
	CHECK_EQ(bootimg_last_error(ctx)->method, BOOTIMG_METHOD_KEXEC);

	printf("# a kernel without kexec_file_load is no news: auto says "
	       "its way only\n");
	setenv("BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD", "ENOSYS", 1);
	unsetenv("BOOTIMG_SHIM_ERRNO_KEXEC_LOAD");
	log.lines = 0;
	CHECK_EQ(load(ctx, BOOTIMG_METHOD_AUTO, 0), 0);
	CHECK_EQ(log.lines, 1);		/* its way and why only */
	unsetenv("BOOTIMG_SHIM_ERRNO_KEXEC_FILE_LOAD");
	bootimg_free(ctx);
}
#endif

int main(int argc, char **argv)
{
	uint8_t *bz = malloc(fake_bzimage_size());
	const char *pc, *crash;

	(void)argc;
	under_shim(argv);
	if (!bz)
		return 99;
	fake_bzimage(bz);
	kernel = write_temp("vmlinuz", bz, fake_bzimage_size());
	pc = strdup(sysroot("qemu-pc-1g"));
	crash = strdup(sysroot("qemu-crash-1g"));
	test_refused_segment(pc, crash);
	test_not_permitted(pc);
	test_request(pc, crash);
#ifdef SYS_kexec_file_load
	test_log(pc);
#endif
	free((char *)pc);
	free((char *)crash);
	free(bz);
	temp_cleanup();
	return tap_done();
}
