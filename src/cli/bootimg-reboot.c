// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg-reboot(8): reboot into a kernel staged with bootimg, through
 * the init system, instead of through the firmware.
 */
#include <errno.h>
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "reboot-defaults.h"
#include "reboot-guard.h"
#include "reboot-init.h"
#include "reboot-json.h"
#include "reboot-oneshot.h"
#include "reboot-stage.h"
#include "shell-quote.h"
#include "spawn.h"
#include "strv.h"
#include "watchdog.h"

/* The documented exit codes of bootimg-reboot(8). */
enum reboot_exit {
	REBOOT_OK = 0,
	REBOOT_FAILED = 1,	/* the reboot command failed */
	REBOOT_USAGE = 2,	/* bad options or defaults file */
	REBOOT_NOT_STAGED = 3,	/* staging failed; no reboot */
	REBOOT_FELL_BACK = 4,	/* staging failed; a normal reboot began */
	REBOOT_UNCONFIRMED = 5,	/* the entry's last boot failed; not staged */
};

/* bootimg's exit status when a pre-exec hook failed (bootimg(8)). */
#define BOOTIMG_EXIT_HOOK_FAILED 10

struct options {
	char *entry;
	char *config;
	char *boot_dir;
	int running;
	char *kernel;
	char **initrds;
	char *command_line;
	char *append;
	char *method;
	int debug;
	char *init;
	char *defaults;
	int stage_only;
	int if_enabled;
	int if_unstaged;
	int no_fallback;
	char *watchdog;
	int confirm;
	int force;
	int dry_run;
	int json;
	int verbose;
	int version;
};

/* What one run does, once the options and defaults are combined. */
struct plan {
	struct stage_request stage;
	const struct init_system *init;
	struct guard guard;
	const char *entry;	/* what the attempt is of, for the guard */
	int fallback;
	int stage_only;
	int dry_run;
	int verbose;
	struct json_object *json;	/* --dry-run --json: the commands */
};

/* --dry-run: show the command ARGV, which ROLE it plays with --json. */
static void show_command(const struct plan *p, const char *role,
			 char *const *argv)
{
	if (p->json)
		reboot_json_command(p->json, role, argv);
	else
		shell_print_command(stdout, argv);
}

static int usage_error(poptContext pc, const char *message)
{
	fprintf(stderr, "bootimg-reboot: %s\n", message);
	poptPrintUsage(pc, stderr, 0);
	return REBOOT_USAGE;
}

static int run_command(char *const argv[], const struct plan *p, int quiet)
{
	int status;

	if (p->verbose) {
		fputs("bootimg-reboot: running ", stderr);
		shell_print_command(stderr, argv);
	}
	status = spawn_wait(argv, quiet);
	if (status == SPAWN_NOT_RUN)
		fprintf(stderr, "bootimg-reboot: cannot run %s: %s\n", argv[0],
			strerror(errno));
	return status;
}

/* Show (0) or run the reboot command ARGV; its exit status. */
static int reboot_status(const char *const *argv, const struct plan *p)
{
	int status;

	if (p->dry_run) {
		show_command(p, "reboot", (char *const *)argv);
		return 0;
	}
	status = run_command((char *const *)argv, p, 0);
	if (status > 0)
		fprintf(stderr, "bootimg-reboot: %s exited with status %d\n",
			argv[0], status);
	return status;
}

/* Show or run the reboot command ARGV; REBOOT_FAILED if it fails. */
static int reboot_with(const char *const *argv, const struct plan *p,
		       int success)
{
	return reboot_status(argv, p) == 0 ? success : REBOOT_FAILED;
}

/*
 * Not staged (WHY): reboot the normal way, with nothing staged, and
 * return CODE; or, with --stage-only or --no-fallback, NOT_REBOOTING.
 */
static int fall_back(const struct plan *p, const char *why, int code,
		     int not_rebooting)
{
	static const char *const unload[] = { "bootimg", "--unload", NULL };

	if (p->stage_only || !p->fallback) {
		fprintf(stderr, "bootimg-reboot: %s; not rebooting\n", why);
		return not_rebooting;
	}
	fprintf(stderr, "bootimg-reboot: %s; rebooting the normal way, "
		"through the firmware\n", why);
	if (p->dry_run)
		show_command(p, "unload", (char *const *)unload);
	else
		run_command((char *const *)unload, p, 1);
	return reboot_with(p->init->reboot, p, code);
}

static int stage(const struct plan *p, const struct strv *cmd)
{
	int status = 0;

	/* bootimg --load records it for the pre-exec hooks. */
	setenv("BOOTIMG_ENTRY", p->stage.source == STAGE_ENTRY &&
	       p->stage.entry ? p->stage.entry : "", 1);
	if (p->dry_run)
		show_command(p, "stage", cmd->v);
	else
		status = run_command(cmd->v, p, 0);
	if (status > 0)
		fprintf(stderr, "bootimg-reboot: bootimg could not stage the "
			"kernel (exit %d)\n", status);
	return status == 0 ? 0 : -1;
}

static int already_staged(const struct plan *p)
{
	static const char *const status[] = { "bootimg", "--status", NULL };

	return run_command((char *const *)status, p, 1) == 0;
}

/*
 * Boot the staged kernel.  When bootimg --exec (--init=direct) stops
 * because a pre-exec hook failed, it has unstaged the kernel: reboot the
 * normal way, as the init systems do then.
 */
static int boot_staged(const struct plan *p)
{
	int status = reboot_status(p->init->kexec, p);

	if (status == 0)
		return REBOOT_OK;
	if (status == BOOTIMG_EXIT_HOOK_FAILED &&
	    strcmp(p->init->name, "direct") == 0) {
		if (!p->fallback) {
			fputs("bootimg-reboot: a pre-exec hook failed; not "
			      "rebooting\n", stderr);
			return REBOOT_NOT_STAGED;
		}
		fputs("bootimg-reboot: a pre-exec hook failed; rebooting the "
		      "normal way, through the firmware\n", stderr);
		return reboot_with(p->init->reboot, p, REBOOT_FELL_BACK);
	}
	return REBOOT_FAILED;
}

/*
 * The default entry is staged: if it was GRUB's one-shot (grub-reboot),
 * consume it now, as GRUB would, so that the next boot, kexec or
 * firmware, goes to the saved default.  A failure is only a warning.
 */
static void consume_oneshot(const struct plan *p)
{
	struct strv cmd = { 0 };
	int status = 0;
	char *out = NULL;
	size_t len;

	if (oneshot_command(&p->stage, &cmd)) {
		if (p->dry_run)
			show_command(p, "consume-oneshot", cmd.v);
		else if (p->verbose)
			shell_print_command(stderr, cmd.v);
		if (!p->dry_run)
			status = spawn_capture(cmd.v, p->stage.timeout, &out,
					       &len);
		free(out);
		if (status != 0)
			fputs("bootimg-reboot: warning: GRUB's one-shot entry "
			      "(next_entry) was not consumed\n", stderr);
	}
	strv_free(&cmd);
}

static int stage_and_reboot(struct plan *p, const struct strv *cmd)
{
	int code;

	if (guard_refuses(&p->guard, p->entry, cmd->v))
		return fall_back(p, "not staging a kernel that failed "
				 "(--force stages it)", REBOOT_UNCONFIRMED,
				 REBOOT_UNCONFIRMED);
	if (stage(p, cmd) < 0)
		return fall_back(p, "staging failed", REBOOT_FELL_BACK,
				 REBOOT_NOT_STAGED);
	consume_oneshot(p);
	if (p->stage_only)
		return REBOOT_OK;
	if (!p->dry_run)
		guard_arm(&p->guard, p->entry, cmd->v);
	code = boot_staged(p);
	if (code != REBOOT_OK)
		guard_abort(&p->guard);
	return code;
}

static int run(struct plan *p)
{
	struct strv cmd = { 0 };
	char *append = guard_append(&p->guard, p->stage.append);
	int code;

	if (append)
		p->stage.append = append;
	if (stage_command(&p->stage, &cmd) < 0)
		code = fall_back(p, "staging failed", REBOOT_FELL_BACK,
				 REBOOT_NOT_STAGED);
	else
		code = stage_and_reboot(p, &cmd);
	strv_free(&cmd);
	free(append);
	return code;
}

static int choose_source(poptContext pc, const struct options *o,
			 const struct reboot_defaults *d,
			 struct stage_request *req)
{
	int by_entry = o->entry || o->config;

	if (by_entry + o->running + !!o->kernel > 1)
		return usage_error(pc, "--entry/--config, --running and "
				       "--kernel exclude each other");
	if (!o->kernel && (o->initrds || o->command_line))
		return usage_error(pc, "--initrd and --command-line go with "
				       "--kernel");
	if (o->kernel && o->boot_dir)
		return usage_error(pc, "--boot-dir does not go with --kernel");
	req->source = o->kernel ? STAGE_EXPLICIT :
		      o->running ? STAGE_RUNNING : STAGE_ENTRY;
	req->entry = o->entry ? o->entry : d->entry;
	req->config = o->config;
	req->boot_dir = o->boot_dir;
	req->timeout = d->mkbootcmd_timeout;
	req->kernel = o->kernel;
	req->initrds = o->initrds;
	req->command_line = o->command_line;
	req->append = o->append ? o->append : d->append;
	req->method = o->method ? o->method : d->method;
	req->debug = o->debug || d->debug;
	req->no_fast_boot = !d->fast_boot;
	req->verbose = o->verbose;
	return REBOOT_OK;
}

/* What the attempt is of: the entry's name, or how the kernel was given. */
static const char *attempt_of(const struct stage_request *req)
{
	if (req->source == STAGE_RUNNING)
		return "running";
	if (req->source == STAGE_EXPLICIT)
		return "kernel";
	return req->entry ? req->entry : "default";
}

/* --watchdog=SECS, else BOOTIMG_WATCHDOG: 0 (none) to the maximum. */
static int watchdog_seconds(poptContext pc, const char *text,
			    unsigned fallback, unsigned *seconds)
{
	*seconds = fallback;
	if (text && (!*text || watchdog_parse_seconds(text, seconds) < 0))
		return usage_error(pc, "--watchdog takes seconds, from 0 "
				       "(none) to 3600");
	return REBOOT_OK;
}

static int make_plan(poptContext pc, const struct options *o,
		     const struct reboot_defaults *d, struct plan *p)
{
	int code = choose_source(pc, o, d, &p->stage);

	if (code != REBOOT_OK)
		return code;
	p->init = init_system_find(o->init ? o->init : d->init);
	if (!p->init)
		return usage_error(pc, "--init takes auto, systemd, sysvinit "
				       "or direct");
	code = watchdog_seconds(pc, o->watchdog, d->watchdog,
				&p->guard.watchdog);
	if (code != REBOOT_OK)
		return code;
	p->guard.force = o->force;
	p->guard.verbose = o->verbose;
	p->entry = attempt_of(&p->stage);
	p->fallback = d->fallback && !o->no_fallback;
	p->stage_only = o->stage_only;
	p->dry_run = o->dry_run;
	p->verbose = o->verbose;
	if (o->json && !o->dry_run)
		return usage_error(pc, "--json goes with --dry-run");
	return REBOOT_OK;
}

static int main_with(poptContext pc, struct options *o)
{
	struct reboot_defaults d;
	struct plan p = { 0 };
	int code;

	if (o->version) {
		printf("bootimg-reboot %s\n", PACKAGE_VERSION);
		return REBOOT_OK;
	}
	if (poptPeekArg(pc))
		return usage_error(pc, "no arguments are taken, only options");
	if (o->confirm && (o->dry_run || o->json))
		return usage_error(pc, "--confirm does not go with --dry-run "
				       "or --json");
	if (o->confirm)
		return guard_confirm(o->verbose);
	if (reboot_defaults_load(o->defaults, &d) < 0)
		return REBOOT_USAGE;
	code = make_plan(pc, o, &d, &p);
	if (code == REBOOT_OK) {
		if (o->if_enabled && !d.enabled) {
			if (o->verbose)
				fprintf(stderr, "bootimg-reboot: BOOTIMG_ENABLED "
					"is not yes in %s; nothing to do\n",
					o->defaults);
		} else if (o->if_unstaged && already_staged(&p)) {
			if (o->verbose)
				fputs("bootimg-reboot: a kernel is staged "
				      "already; keeping it\n", stderr);
		} else {
			if (o->json)
				p.json = reboot_json_new(p.init->name);
			code = run(&p);
			if (p.json)
				reboot_json_print(stdout, p.json, code);
		}
	}
	reboot_defaults_free(&d);
	return code;
}

int main(int argc, const char **argv)
{
	static struct options o = { .defaults = SYSCONFDIR "/default/bootimg" };
	const struct poptOption table[] = {
		{ "entry", 'E', POPT_ARG_STRING, &o.entry, 0,
		  "boot loader entry to boot (index, id or title); default: "
		  "the boot loader's default", "ENTRY" },
		{ "config", '\0', POPT_ARG_STRING, &o.config, 0,
		  "boot loader configuration file for mkbootcmd", "FILE" },
		{ "boot-dir", '\0', POPT_ARG_STRING, &o.boot_dir, 0,
		  "where the kernels are (default /boot)", "DIR" },
		{ "running", 'r', POPT_ARG_NONE, &o.running, 0,
		  "boot the running kernel again, with its command line",
		  NULL },
		{ "kernel", 'k', POPT_ARG_STRING, &o.kernel, 0,
		  "boot this kernel image", "FILE" },
		{ "initrd", '\0', POPT_ARG_ARGV, &o.initrds, 0,
		  "an initrd for --kernel; several are concatenated", "FILE" },
		{ "command-line", '\0', POPT_ARG_STRING, &o.command_line, 0,
		  "command line for --kernel (default: the running one)",
		  "STRING" },
		{ "append", '\0', POPT_ARG_STRING, &o.append, 0,
		  "add STRING to the command line", "STRING" },
		{ "method", 'm', POPT_ARG_STRING, &o.method, 0,
		  "bootimg's load method: auto, file or kexec", "METHOD" },
		{ "debug", '\0', POPT_ARG_NONE, &o.debug, 0,
		  "stage with bootimg --debug: purgatory prints a line on "
		  "the serial port before it enters the kernel", NULL },
		{ "init", '\0', POPT_ARG_STRING, &o.init, 0,
		  "reboot through: auto (default), systemd, sysvinit or direct",
		  "INIT" },
		{ "stage-only", 's', POPT_ARG_NONE, &o.stage_only, 0,
		  "stage the kernel but do not reboot", NULL },
		{ "if-enabled", '\0', POPT_ARG_NONE, &o.if_enabled, 0,
		  "do nothing unless BOOTIMG_ENABLED=yes (for init scripts)",
		  NULL },
		{ "if-unstaged", '\0', POPT_ARG_NONE, &o.if_unstaged, 0,
		  "do nothing if a kernel is staged already", NULL },
		{ "no-fallback", 'F', POPT_ARG_NONE, &o.no_fallback, 0,
		  "if staging fails, do not reboot the normal way", NULL },
		{ "watchdog", 'w', POPT_ARG_STRING, &o.watchdog, 0,
		  "arm the watchdog for SECS across the handoff and record "
		  "the attempt (0: none)", "SECS" },
		{ "confirm", '\0', POPT_ARG_NONE, &o.confirm, 0,
		  "on the new system: confirm its boot, disarm the watchdog",
		  NULL },
		{ "force", 'f', POPT_ARG_NONE, &o.force, 0,
		  "boot an entry even if its last boot was never confirmed",
		  NULL },
		{ "defaults", '\0', POPT_ARG_STRING, &o.defaults, 0,
		  "settings file (default " SYSCONFDIR "/default/bootimg)",
		  "FILE" },
		{ "dry-run", 'n', POPT_ARG_NONE, &o.dry_run, 0,
		  "print the commands; run none", NULL },
		{ "json", '\0', POPT_ARG_NONE, &o.json, 0,
		  "with --dry-run: print the commands as one JSON object",
		  NULL },
		{ "verbose", 'v', POPT_ARG_NONE, &o.verbose, 0,
		  "print each command before it runs, and bootimg's way "
		  "and why (bootimg -v)", NULL },
		{ "version", 'V', POPT_ARG_NONE, &o.version, 0,
		  "print the version", NULL },
		POPT_AUTOHELP
		POPT_TABLEEND
	};
	poptContext pc = poptGetContext("bootimg-reboot", argc, argv, table, 0);
	int rc;

	poptSetOtherOptionHelp(pc, "[OPTION...]");
	rc = poptGetNextOpt(pc);
	if (rc < -1) {
		fprintf(stderr, "bootimg-reboot: %s: %s\n",
			poptBadOption(pc, POPT_BADOPTION_NOALIAS),
			poptStrerror(rc));
		rc = REBOOT_USAGE;
	} else {
		if (!getenv("PATH"))
			setenv("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", 1);
		rc = main_with(pc, &o);
	}
	poptFreeContext(pc);
	return rc;
}
