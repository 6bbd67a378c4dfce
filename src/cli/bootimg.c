// SPDX-License-Identifier: GPL-2.0-or-later
/* bootimg(8): load a Linux kernel from Linux and boot it. */
#include <errno.h>
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "attempt.h"
#include "bootimg.h"
#include "check.h"
#include "escape.h"
#include "failure.h"
#include "initrd-file-arg.h"
#include "kernel-cmdline.h"
#include "method-names.h"
#include "pre-exec.h"
#include "show.h"
#include "show-json.h"
#include "staged-entry.h"
#include "watchdog.h"

struct options {
	char *load;
	int panic;
	char **initrds;
	char **modules;
	char *command_line;
	char *append;
	char **remove;
	int reuse_cmdline;
	char **initrd_files;
	char *method;
	int fast_boot;
	int no_fast_boot;
	char *entry;
	int debug;
	int exec;
	int pre_exec_hooks;
	char *watchdog;
	int unload;
	int status;
	char *info;
	int dry_run;
	int check;
	int json;
	int verbose;
	int version;
	int no_cache;
	char *cache_size;
	int cache_clear;
	char *cache_warm;
};

enum { OPT_FILE_SYSCALL = 1, OPT_KEXEC_SYSCALL, OPT_LOAD_PANIC };

static int usage_error(poptContext pc, const char *message)
{
	fprintf(stderr, "bootimg: %s\n", message);
	poptPrintUsage(pc, stderr, 0);
	return EXIT_USAGE;
}

static size_t count(char **list)
{
	size_t n = 0;

	while (list && list[n])
		n++;
	return n;
}

static int do_info(struct bootimg *ctx, const char *path, int json)
{
	struct bootimg_info info = { .size = sizeof(info) };
	int err = bootimg_probe(ctx, path, &info);

	if (err < 0)
		return report_failure(ctx, err, path);
	if (json)
		show_info_json(stdout, path, &info);
	else
		show_info(stdout, path, &info);
	return EXIT_OK;
}

static int do_dry_run(struct bootimg *ctx, const struct bootimg_request *req,
		      int json)
{
	struct bootimg_plan *plan;
	int err = bootimg_plan_new(ctx, req, &plan);

	if (err < 0)
		return report_failure(ctx, err, req->kernel);
	if (json) {
		show_plan_json(stdout, req, plan);
	} else {
		fputs("kexec_load plan for ", stdout);
		put_escaped(stdout, req->kernel);
		printf(" (method %s)\n", bootimg_method_name(req->method));
		print_cmdline(stdout, "", bootimg_plan_cmdline(plan));
		show_plan(stdout, plan);
	}
	bootimg_plan_free(plan);
	return EXIT_OK;
}

/*
 * The kernel frees the old panic kernel before it loads a new one, so a
 * failed load may leave none: say what is staged now.
 */
static void show_panic_after_failure(struct bootimg *ctx)
{
	struct bootimg_status status = { .size = sizeof(status) };

	if (bootimg_get_status(ctx, &status) < 0)
		return;
	fprintf(stderr, "bootimg: %s\n", status.panic_loaded ?
		"a panic kernel is still staged (the one before)" :
		"no panic kernel is staged now");
}

/* Where fast boot put the kernel, and why there (-v). */
static void show_fast_boot(const struct bootimg_fast_boot *fb)
{
	const char *why = fb->kaslr == -ECANCELED ?
			  "no KASLR: \"nokaslr\" in the command line" :
			  fb->kaslr == -ENODATA ?
			  "no KASLR: the kernel has no relocation table" :
			  "KASLR";

	fprintf(stderr, "bootimg: fast boot, %s: _text at 0x%llx, "
		"physical 0x%llx\n", why, (unsigned long long)fb->text_virt,
		(unsigned long long)fb->text_phys);
}

/* -v: the library explains its choices, one line each. */
static void log_line(void *data, int priority, const char *format,
		     va_list args)
{
	(void)data, (void)priority;
	fputs("bootimg: ", stderr);
	vfprintf(stderr, format, args);
	fputc('\n', stderr);
}

/* --cache-warm: unpack the kernel of REQ into the cache. */
static int do_cache_warm(struct bootimg *ctx,
			 const struct bootimg_request *req, int verbose)
{
	int err;

	if (verbose)
		bootimg_set_log_fn(ctx, log_line, NULL);
	err = bootimg_cache_warm(ctx, req);
	return err < 0 ? report_failure(ctx, err, req->kernel) : EXIT_OK;
}

static int do_cache_clear(struct bootimg *ctx, int verbose)
{
	int err;

	if (verbose)
		bootimg_set_log_fn(ctx, log_line, NULL);
	err = bootimg_cache_clear(ctx);
	return err < 0 ? report_failure(ctx, err, "cache") : EXIT_OK;
}

/* --cache-size=MIB into REQ: 0 or a usage error's message. */
static const char *parse_cache_size(const char *arg,
				    struct bootimg_request *req)
{
	unsigned long long mib;
	char *end;

	errno = 0;
	mib = strtoull(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end || errno ||
	    mib == 0 || mib > 1024 * 1024)
		return "--cache-size takes MiB, from 1 to 1048576";
	req->cache_bound = mib << 20;
	return NULL;
}

/*
 * Stage REQ; unless it is a panic kernel, record what is staged, with
 * the command line the kernel got, for the pre-exec hooks.
 */
static int do_load(struct bootimg *ctx, const struct bootimg_request *req,
		   int verbose)
{
	struct bootimg_load_result result = { .size = sizeof(result) };
	int err, code;

	if (verbose)
		bootimg_set_log_fn(ctx, log_line, NULL);
	err = bootimg_load(ctx, req, &result);
	if (err < 0) {
		code = report_failure(ctx, err, req->kernel);
		if (req->flags & BOOTIMG_LOAD_PANIC)
			show_panic_after_failure(ctx);
		return code;
	}
	if (verbose) {
		fputs("bootimg: staged ", stderr);
		put_escaped(stderr, req->kernel);
		fprintf(stderr, "%s with method %s%s\n",
			req->flags & BOOTIMG_LOAD_PANIC ?
			" as the panic kernel" : "",
			bootimg_method_name(result.used),
			result.flags & BOOTIMG_LOAD_FAST_BOOT ?
			" (fast boot: its vmlinux, unpacked, entered directly)"
			: "");
		print_cmdline(stderr, "bootimg: ", result.cmdline);
	}
	if (verbose && (result.flags & BOOTIMG_LOAD_FAST_BOOT))
		show_fast_boot(&result.fast_boot);
	if (!(req->flags & BOOTIMG_LOAD_PANIC))
		staged_entry_record(req, result.cmdline);
	return EXIT_OK;
}

/*
 * The pre-exec hooks; when one fails, unstage the kernel, so that the
 * reboot that follows (sysvinit's, systemd-shutdown's, bootimg-reboot's
 * fallback) goes through the firmware, also with bootimg.ko.
 */
static int run_pre_exec_hooks(struct bootimg *ctx)
{
	int err;

	if (pre_exec_run_hooks() == 0)
		return EXIT_OK;
	err = bootimg_unload(ctx, 0);
	if (err < 0)
		return report_failure(ctx, err, "unload");
	staged_entry_forget();
	fputs("bootimg: a pre-exec hook failed: the staged kernel is "
	      "unstaged; a reboot now goes through the firmware\n", stderr);
	return EXIT_HOOK_FAILED;
}

/* --pre-exec-hooks: for a kexec that systemd-shutdown makes. */
static int do_pre_exec_hooks(struct bootimg *ctx)
{
	struct bootimg_status status = { .size = sizeof(status) };

	if (bootimg_get_status(ctx, &status) == 0 && !status.loaded)
		return EXIT_OK;	/* no kexec will happen */
	return run_pre_exec_hooks(ctx);
}

static int do_exec(struct bootimg *ctx, unsigned watchdog)
{
	struct bootimg_status status = { .size = sizeof(status) };
	int err = bootimg_get_status(ctx, &status), fd = -1;

	if (err == 0 && !status.loaded) {
		fprintf(stderr, "bootimg: no kernel is staged; "
			"use bootimg --load first\n");
		return EXIT_FAILED;
	}
	err = run_pre_exec_hooks(ctx);
	if (err != EXIT_OK)
		return err;
	if (watchdog)
		fd = watchdog_arm_warning("bootimg", watchdog);
	err = bootimg_exec(ctx);
	if (fd >= 0)
		watchdog_release(fd);
	return report_failure(ctx, err, "exec");
}

/* bootimg-reboot's last attempt A (ERR from attempt_read), if any. */
static void show_last_attempt(const struct attempt *a, int err)
{
	if (err == 0)
		attempt_show(stdout, a);
	else if (err != -ENOENT)
		printf("last attempt:  unreadable (%s: %s)\n", attempt_path(),
		       err == -EINVAL ? "damaged" : strerror(-err));
}

static int do_status(struct bootimg *ctx, int json)
{
	struct bootimg_status status = { .size = sizeof(status) };
	struct attempt a;
	int err = bootimg_get_status(ctx, &status), attempt_err;

	if (err < 0)
		return report_failure(ctx, err, "status");
	attempt_err = attempt_read(&a);
	if (json) {
		show_status_json(stdout, &status, attempt_err ? NULL : &a);
	} else {
		show_status(stdout, &status);
		show_last_attempt(&a, attempt_err);
	}
	return status.loaded ? EXIT_OK : EXIT_FAILED;
}

static int do_unload(struct bootimg *ctx, int panic)
{
	int err = bootimg_unload(ctx, panic ? BOOTIMG_LOAD_PANIC : 0);

	if (err < 0)
		return report_failure(ctx, err, "unload");
	if (!panic)
		staged_entry_forget();
	return EXIT_OK;
}

static int bad_argument(poptContext pc, const char *option, const char *arg,
			const char *why)
{
	fprintf(stderr, "bootimg: %s=", option);
	put_escaped(stderr, arg);
	fprintf(stderr, ": %s\n", why);
	poptPrintUsage(pc, stderr, 0);
	return EXIT_USAGE;
}

/* --remove (and what --reuse-cmdline drops) and --initrd-file into REQ. */
static int edit_request(poptContext pc, const struct options *o,
			struct bootimg_request *req)
{
	struct bootimg_initrd_file *files;
	const char *bad = bad_remove_key(o->remove), *why;
	size_t n = count(o->initrd_files);

	if (bad)
		return bad_argument(pc, "--remove", bad, "KEY must be a "
				    "parameter's name: not empty, without "
				    "'=', blanks or quotes");
	req->remove = removals(o->remove, o->reuse_cmdline, &req->n_remove);
	req->initrd_files = files = calloc(n + 1, sizeof(*files));
	if (!req->remove || !files) {
		fprintf(stderr, "bootimg: %s\n", strerror(ENOMEM));
		return EXIT_FAILED;
	}
	for (; req->n_initrd_files < n; req->n_initrd_files++) {
		const char *arg = o->initrd_files[req->n_initrd_files];

		why = parse_initrd_file(arg, &files[req->n_initrd_files]);
		if (why)
			return bad_argument(pc, "--initrd-file", arg, why);
	}
	return EXIT_OK;
}

static void free_edits(struct bootimg_request *req)
{
	size_t i;

	for (i = 0; i < req->n_initrd_files; i++)
		free((char *)req->initrd_files[i].source);
	free((void *)req->initrd_files);
	free((void *)req->remove);
}

static int run(poptContext pc, struct options *o, struct bootimg *ctx)
{
	const char *positional = poptGetArg(pc);
	struct bootimg_request req = { .size = sizeof(req) };
	int actions = !!o->load + o->exec + o->unload + o->status +
		      !!o->info + o->pre_exec_hooks + !!positional +
		      o->cache_clear + !!o->cache_warm;
	char *cmdline;
	unsigned watchdog = 0;
	int code;

	if (o->version) {
		printf("bootimg %s\n", PACKAGE_VERSION);
		return EXIT_OK;
	}
	if (poptPeekArg(pc))
		return usage_error(pc, "too many arguments");
	if (actions != 1 && !(o->check && actions == 0))
		return usage_error(pc, "give exactly one of KERNEL, --load, "
				       "--exec, --unload, --status, --info, "
				       "--pre-exec-hooks, --cache-warm, "
				       "--cache-clear");
	if (o->check && (o->exec || o->unload || o->status || o->info ||
			 o->pre_exec_hooks || o->cache_clear || o->cache_warm))
		return usage_error(pc, "--check takes only --load and its "
				       "options");
	if (o->json && !o->check && !o->status && !o->info && !o->dry_run)
		return usage_error(pc, "--json goes with --check, --status, "
				       "--info or --dry-run");
	if (o->info)
		return do_info(ctx, o->info, o->json);
	if (o->cache_size) {
		const char *why = parse_cache_size(o->cache_size, &req);

		if (why)
			return usage_error(pc, why);
	}
	if (o->cache_clear)
		return do_cache_clear(ctx, o->verbose);
	if (o->cache_warm) {
		req.kernel = o->cache_warm;
		return do_cache_warm(ctx, &req, o->verbose);
	}
	if (o->watchdog) {
		if (!*o->watchdog ||
		    watchdog_parse_seconds(o->watchdog, &watchdog) < 0)
			return usage_error(pc, "--watchdog takes seconds, from "
					       "0 (none) to 3600");
		if (!o->exec && !positional)
			return usage_error(pc, "--watchdog goes with --exec");
	}
	if (o->exec)
		return do_exec(ctx, watchdog);
	if (o->pre_exec_hooks)
		return do_pre_exec_hooks(ctx);
	if (o->unload)
		return do_unload(ctx, o->panic);
	if (o->status)
		return do_status(ctx, o->json);
	if (o->check && actions == 0)
		return do_check(ctx, &req, o->json);
	if (o->panic && positional && !o->check)
		return usage_error(pc, "a panic kernel is only staged: use "
				       "--load-panic=KERNEL");

	if (o->command_line && o->reuse_cmdline)
		return usage_error(pc, "--command-line and --reuse-cmdline "
				       "exclude each other");
	if (o->method && method_from_name(o->method, &req.method) < 0)
		return usage_error(pc, "--method takes auto, file, kexec or module");
	if (o->fast_boot && o->no_fast_boot)
		return usage_error(pc, "--fast-boot and --no-fast-boot exclude "
				       "each other");
	if (o->fast_boot && req.method == BOOTIMG_METHOD_FILE)
		return usage_error(pc, "--fast-boot needs the kexec or module "
				       "method: kexec_file_load takes the "
				       "bzImage itself");
	if (o->panic && req.method == BOOTIMG_METHOD_MODULE)
		return usage_error(pc, "bootimg.ko stages no panic kernel: "
				       "use --method=file or --method=kexec");
	if (o->fast_boot && o->panic)
		return usage_error(pc, "--fast-boot enters the vmlinux at its "
				       "link address, outside the crashkernel= "
				       "reservation: not with a panic kernel");
	if (o->entry && strcmp(o->entry, "32") != 0 &&
	    strcmp(o->entry, "64") != 0)
		return usage_error(pc, "--entry takes 32 or 64");
	if (o->entry && strcmp(o->entry, "32") == 0 &&
	    req.method == BOOTIMG_METHOD_FILE)
		return usage_error(pc, "--entry=32 needs the kexec or module "
				       "method: kexec_file_load always uses "
				       "the 64-bit entry");
	if (o->debug && req.method == BOOTIMG_METHOD_FILE)
		return usage_error(pc, "--debug needs the kexec or module "
				       "method: kexec_file_load uses the "
				       "kernel's own purgatory");
	code = edit_request(pc, o, &req);
	if (code != EXIT_OK) {
		free_edits(&req);
		return code;
	}
	/* Neither: the image's own command line (UKI), or none. */
	cmdline = !o->command_line && !o->reuse_cmdline ? NULL :
		  compose_cmdline(o->command_line, o->reuse_cmdline);
	if (!cmdline && (o->command_line || o->reuse_cmdline)) {
		fprintf(stderr, "bootimg: /proc/cmdline: %s\n",
			strerror(errno));
		free_edits(&req);
		return EXIT_FAILED;
	}
	req.kernel = o->load ? o->load : positional;
	req.initrds = (const char *const *)o->initrds;
	req.n_initrds = count(o->initrds);
	req.modules = (const char *const *)o->modules;
	req.n_modules = count(o->modules);
	req.cmdline = cmdline;
	req.flags = o->panic ? BOOTIMG_LOAD_PANIC : 0;
	if (o->entry && strcmp(o->entry, "32") == 0)
		req.flags |= BOOTIMG_LOAD_ENTRY32;
	if (o->debug)
		req.flags |= BOOTIMG_LOAD_BREADCRUMB;
	if (o->fast_boot)
		req.flags |= BOOTIMG_LOAD_FAST_BOOT;
	if (o->no_cache)
		req.flags |= BOOTIMG_LOAD_NO_CACHE;
	if (o->no_fast_boot)
		req.flags |= BOOTIMG_LOAD_NO_FAST_BOOT;
	req.append = o->append;

	if (o->check)
		code = do_check(ctx, &req, o->json);
	else if (o->dry_run)
		code = do_dry_run(ctx, &req, o->json);
	else
		code = do_load(ctx, &req, o->verbose);
	if (code == EXIT_OK && positional && !o->dry_run && !o->check)
		code = do_exec(ctx, watchdog);
	free(cmdline);
	free_edits(&req);
	return code;
}

int main(int argc, const char **argv)
{
	static struct options o;
	const struct poptOption table[] = {
		{ "load", 'l', POPT_ARG_STRING, &o.load, 0,
		  "stage KERNEL for a later --exec or reboot", "KERNEL" },
		{ "load-panic", 'p', POPT_ARG_STRING | POPT_ARGFLAG_OPTIONAL,
		  NULL, OPT_LOAD_PANIC, "stage KERNEL as the panic kernel, "
		  "in the crashkernel= reservation; without KERNEL, as "
		  "--panic", "KERNEL" },
		{ "panic", '\0', POPT_ARG_NONE, &o.panic, 0,
		  "with --unload or --load: the panic kernel", NULL },
		{ "initrd", '\0', POPT_ARG_ARGV, &o.initrds, 0,
		  "an initrd; several are concatenated in order", "FILE" },
		{ "module", '\0', POPT_ARG_ARGV, &o.modules, 0,
		  "a multiboot kernel's module, with its command line "
		  "(repeatable; kexec or module method)", "\"FILE ARGS\"" },
		{ "command-line", '\0', POPT_ARG_STRING, &o.command_line, 0,
		  "the new kernel's command line", "STRING" },
		{ "append", '\0', POPT_ARG_STRING, &o.append, 0,
		  "add STRING to the command line", "STRING" },
		{ "reuse-cmdline", '\0', POPT_ARG_NONE, &o.reuse_cmdline, 0,
		  "start from the running kernel's command line", NULL },
		{ "remove", '\0', POPT_ARG_ARGV, &o.remove, 0,
		  "drop every KEY and KEY=... word from the command line "
		  "(repeatable)", "KEY" },
		{ "initrd-file", '\0', POPT_ARG_ARGV, &o.initrd_files, 0,
		  "add file SRC to the initrd as DEST, mode MODE (octal; "
		  "default: SRC's owner bits only) (repeatable)",
		  "SRC:DEST[:MODE]" },
		{ "method", 'm', POPT_ARG_STRING, &o.method, 0,
		  "how to load: auto (default), file, kexec or module", "METHOD" },
		{ "kexec-file-syscall", 's', POPT_ARG_NONE, NULL,
		  OPT_FILE_SYSCALL, "same as --method=file", NULL },
		{ "kexec-syscall", 'c', POPT_ARG_NONE, NULL, OPT_KEXEC_SYSCALL,
		  "same as --method=kexec", NULL },
		{ "fast-boot", '\0', POPT_ARG_NONE, &o.fast_boot, 0,
		  "unpack a bzImage's vmlinux now and enter it directly "
		  "(faster boot, KASLR kept; kexec or module method; auto "
		  "does it where nothing speaks against it)", NULL },
		{ "no-fast-boot", '\0', POPT_ARG_NONE, &o.no_fast_boot, 0,
		  "auto: never fast boot; kexec_file_load first, then "
		  "kexec_load", NULL },
		{ "entry", '\0', POPT_ARG_STRING, &o.entry, 0,
		  "enter the kernel at its 32-bit or 64-bit entry (default: "
		  "64 if it has one; 32: kexec or module method)", "32|64" },
		{ "debug", '\0', POPT_ARG_NONE, &o.debug, 0,
		  "purgatory prints a line on the serial port before it "
		  "enters the kernel (kexec or module method)", NULL },
		{ "exec", 'e', POPT_ARG_NONE, &o.exec, 0,
		  "boot the staged kernel now", NULL },
		{ "pre-exec-hooks", '\0', POPT_ARG_NONE, &o.pre_exec_hooks, 0,
		  "run the pre-exec hooks only; if one fails, unstage the "
		  "kernel (for systemd-shutdown)", NULL },
		{ "watchdog", 'w', POPT_ARG_STRING, &o.watchdog, 0,
		  "with --exec: arm the watchdog for SECS across the handoff",
		  "SECS" },
		{ "unload", 'u', POPT_ARG_NONE, &o.unload, 0,
		  "unstage the staged kernel", NULL },
		{ "status", 'S', POPT_ARG_NONE, &o.status, 0,
		  "show what is staged; exit 0 if a kernel is", NULL },
		{ "info", '\0', POPT_ARG_STRING, &o.info, 0,
		  "describe a kernel image", "KERNEL" },
		{ "dry-run", 'n', POPT_ARG_NONE, &o.dry_run, 0,
		  "print the load plan; load nothing", NULL },
		{ "check", '\0', POPT_ARG_NONE, &o.check, 0,
		  "say whether and how the kernel given with --load would "
		  "load (alone: the running kernel's facts); load nothing",
		  NULL },
		{ "json", '\0', POPT_ARG_NONE, &o.json, 0,
		  "with --check, --status, --info or --dry-run: print one "
		  "JSON object", NULL },
		{ "verbose", 'v', POPT_ARG_NONE, &o.verbose, 0,
		  "say which method was used, and why", NULL },
		{ "version", 'V', POPT_ARG_NONE, &o.version, 0,
		  "print the version", NULL },
		{ "no-cache", '\0', POPT_ARG_NONE, &o.no_cache, 0,
		  "with --fast-boot: neither read nor write the cache of "
		  "unpacked kernels", NULL },
		{ "cache-size", '\0', POPT_ARG_STRING, &o.cache_size, 0,
		  "bound the cache of unpacked kernels to MIB (default 256)",
		  "MIB" },
		{ "cache-warm", '\0', POPT_ARG_STRING, &o.cache_warm, 0,
		  "unpack KERNEL into the cache for a later --fast-boot; "
		  "load nothing", "KERNEL" },
		{ "cache-clear", '\0', POPT_ARG_NONE, &o.cache_clear, 0,
		  "empty the cache of unpacked kernels", NULL },
		POPT_AUTOHELP
		POPT_TABLEEND
	};
	poptContext pc = poptGetContext("bootimg", argc, argv, table, 0);
	struct bootimg *ctx = NULL;
	int rc, err;

	poptSetOtherOptionHelp(pc, "[OPTION...] [KERNEL]");
	while ((rc = poptGetNextOpt(pc)) > 0) {
		if (rc == OPT_LOAD_PANIC) {
			char *kernel = poptGetOptArg(pc);

			o.panic = 1;
			if (kernel)
				o.load = kernel;
		} else {
			o.method = rc == OPT_FILE_SYSCALL ? "file" : "kexec";
		}
	}
	if (rc < -1) {
		fprintf(stderr, "bootimg: %s: %s\n",
			poptBadOption(pc, POPT_BADOPTION_NOALIAS),
			poptStrerror(rc));
		poptFreeContext(pc);
		return EXIT_USAGE;
	}
	err = bootimg_new(&ctx);
	if (err == -EINVAL) {
		fprintf(stderr, "bootimg: BOOTIMG_SYSROOT=%s: not an absolute "
			"path\n", getenv("BOOTIMG_SYSROOT"));
		rc = EXIT_FAILED;
	} else if (err < 0) {
		fprintf(stderr, "bootimg: %s\n", strerror(-err));
		rc = EXIT_FAILED;
	} else {
		rc = run(pc, &o, ctx);
	}
	bootimg_free(ctx);
	poptFreeContext(pc);
	return rc;
}
