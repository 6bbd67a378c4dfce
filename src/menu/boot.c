// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Boot the chosen entry as `bootimg --load` then `bootimg --exec` would:
 * method auto, the entry's initrds (or multiboot modules) and command
 * line.  A failure leaves the staged kernel unloaded, so the next
 * choice, or a reboot through the firmware, starts clean.
 */
#include <stdio.h>
#include "escape.h"
#include "failure.h"
#include "menu.h"

static void print_request(const struct menu_entry *e, const char *cmdline)
{
	size_t i;

	fputs("kernel: ", stdout);
	put_escaped(stdout, e->kernel);
	for (i = 0; i < e->n_initrds; i++) {
		fputs("\ninitrd: ", stdout);
		put_escaped(stdout, e->initrds[i]);
	}
	for (i = 0; i < e->n_modules; i++) {
		fputs("\nmodule: ", stdout);
		put_escaped(stdout, e->modules[i]);
	}
	fputs("\ncmdline: ", stdout);
	put_escaped(stdout, cmdline);
	fputc('\n', stdout);
}

/* "bootimg-menu: WHAT: cause" for ERR; bootimg(8)'s exit code for it. */
static int failed(struct bootimg *ctx, int err, const char *what)
{
	char buf[512];
	const char *cause;
	int code;

	cause = describe_failure(ctx, err, buf, sizeof(buf), &code);
	fputs("bootimg-menu: ", stderr);
	put_escaped(stderr, what);
	fprintf(stderr, ": %s\n", cause);
	return code;
}

int boot_entry(struct bootimg *ctx, const struct menu_entry *e,
	       const char *cmdline, int dry_run)
{
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = e->kernel,
		.initrds = (const char *const *)e->initrds,
		.n_initrds = e->n_initrds,
		.modules = (const char *const *)e->modules,
		.n_modules = e->n_modules,
		.cmdline = cmdline,
		.method = BOOTIMG_METHOD_AUTO,
	};
	struct bootimg_load_result result = { .size = sizeof(result) };
	int err;

	if (dry_run) {
		print_request(e, cmdline);
		return MENU_EXIT_OK;
	}
	err = bootimg_load(ctx, &req, &result);
	if (err < 0)
		return failed(ctx, err, e->kernel);
	fflush(NULL);
	err = bootimg_exec(ctx);	/* on success, only under a test shim */
	if (err == 0)
		return MENU_EXIT_OK;
	bootimg_unload(ctx, 0);
	return failed(ctx, err, "exec");
}
