// SPDX-License-Identifier: GPL-2.0-or-later
/* mkbootcmd(8): the bootimg command that boots a boot loader's entry. */
#include <errno.h>
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bootcfg.h"
#include "bootcfg-json.h"
#include "macros.h"
#include "shell-quote.h"
#include "text-escape.h"

/* The documented exit codes of mkbootcmd(8). */
enum mkbootcmd_exit {
	MK_OK = 0,
	MK_FAILED = 1,
	MK_USAGE = 2,
	MK_MALFORMED = 3,	/* FILE:LINE: cause */
	MK_UNREADABLE = 4,
	MK_NOT_FOUND = 5,	/* no boot loader configuration */
	MK_NO_ENTRY = 6,	/* --entry names nothing; no default */
	MK_NOT_LINUX = 7,	/* the entry boots no Linux kernel */
	MK_UNPRINTABLE = 8,	/* a newline in an argument, --format=args */
};

struct options {
	int list;
	char *entry;
	char *format;
	int null;
	int json;
	char *config;
	char *boot_dir;
	char *root;
	char *loader;
	char *device_map;
	int consume;
	int version;
};

/* popt hands string arguments over to the caller. */
static void free_options(struct options *o)
{
	free(o->entry);
	free(o->format);
	free(o->config);
	free(o->boot_dir);
	free(o->root);
	free(o->loader);
	free(o->device_map);
}

/* The exit code for libbootcfg's ERR with CAUSE. */
static int failure_code(int err, const char *cause)
{
	switch (-err) {
	case EBADMSG:
		return MK_MALFORMED;
	case ENOENT:
		return *cause && strstr(cause, "no boot loader") ?
		       MK_NOT_FOUND : MK_UNREADABLE;
	case EACCES:
	case EISDIR:
	case ENXIO:
	case EFBIG:
		return MK_UNREADABLE;
	case EINVAL:
		return MK_USAGE;
	default:
		return MK_FAILED;
	}
}

/*
 * "mkbootcmd: FILE:LINE: CAUSE", escaped: the cause may quote the file.
 * E is cleared.
 */
static int config_failure(int err, struct bootcfg_error *e)
{
	int code = failure_code(err, e->cause);

	fputs("mkbootcmd: ", stderr);
	print_escaped(stderr, e->file);
	if (e->line)
		fprintf(stderr, ":%u", e->line);
	if (*e->file)
		fputs(": ", stderr);
	print_escaped(stderr, *e->cause ? e->cause : strerror(-err));
	putc('\n', stderr);
	bootcfg_error_clear(e);
	return code;
}

/* What the boot loader skipped: one line each, escaped. */
static void warnings(const struct bootcfg *cfg)
{
	size_t i;

	for (i = 0; i < bootcfg_warning_count(cfg); i++) {
		fputs("mkbootcmd: warning: ", stderr);
		print_escaped(stderr, bootcfg_warning(cfg, i));
		putc('\n', stderr);
	}
}

/* One line per entry, tab-separated fields, escaped; or with --null
 * five NUL-terminated fields per entry, as they are.  The mark is * for
 * the default, h for an entry the menu hides. */
static void list(const struct bootcfg *cfg, int null)
{
	size_t i, f;

	for (i = 0; i < bootcfg_count(cfg); i++) {
		const struct bootcfg_entry *e = bootcfg_entry(cfg, i);
		const char *field[] = {
			e->index, e->id, e->title, e->kernel ? e->kernel : "-",
		};

		putchar(e->is_default ? '*' : e->hidden ? 'h' : ' ');
		putchar(null ? '\0' : ' ');
		for (f = 0; f < ARRAY_SIZE(field); f++) {
			if (null)
				fputs(field[f], stdout);
			else
				print_escaped(stdout, field[f]);
			putchar(null ? '\0' : f + 1 < 4 ? '\t' : '\n');
		}
	}
}

static void print_shell(const struct bootcfg_entry *e)
{
	size_t i;

	fputs("bootimg --load ", stdout);
	shell_print_word(stdout, e->kernel);
	for (i = 0; i < e->n_initrds; i++) {
		fputs(" --initrd=", stdout);
		shell_print_word(stdout, e->initrds[i]);
	}
	for (i = 0; i < e->n_modules; i++) {
		fputs(" --module=", stdout);
		shell_print_word(stdout, e->modules[i]);
	}
	fputs(" --command-line=", stdout);
	shell_print_word(stdout, e->cmdline);
	putchar('\n');
}

static int has_newline(const struct bootcfg_entry *e)
{
	size_t i;

	for (i = 0; i < e->n_initrds; i++)
		if (strchr(e->initrds[i], '\n'))
			return 1;
	for (i = 0; i < e->n_modules; i++)
		if (strchr(e->modules[i], '\n'))
			return 1;
	return strchr(e->kernel, '\n') || strchr(e->cmdline, '\n');
}

/* One argument of bootimg per line, or NUL-terminated with --null. */
static int print_args(const struct bootcfg_entry *e, int null)
{
	char end = null ? '\0' : '\n';
	size_t i;

	if (!null && has_newline(e)) {
		fprintf(stderr, "mkbootcmd: entry %s: an argument holds a "
			"newline; use --null\n", e->index);
		return MK_UNPRINTABLE;
	}
	printf("--load=%s%c", e->kernel, end);
	for (i = 0; i < e->n_initrds; i++)
		printf("--initrd=%s%c", e->initrds[i], end);
	for (i = 0; i < e->n_modules; i++)
		printf("--module=%s%c", e->modules[i], end);
	printf("--command-line=%s%c", e->cmdline, end);
	return MK_OK;
}

static int command(const struct bootcfg *cfg, const struct options *o,
		   const struct bootcfg_options *opts)
{
	const struct bootcfg_entry *e = NULL;
	struct bootcfg_error error = { .size = sizeof(error) };
	int err;

	if (o->entry && o->entry[0] != '@') {
		e = bootcfg_find(cfg, o->entry);
	} else {	/* the one-shot, the default, @aliases */
		err = bootcfg_find_alias(opts, cfg, o->entry, &e, &error);
		if (err < 0)
			return config_failure(err, &error);
	}
	if (!e && o->entry) {
		fprintf(stderr, "mkbootcmd: %s: no entry %s (see "
			"mkbootcmd --list)\n", bootcfg_path(cfg), o->entry);
		return MK_NO_ENTRY;
	}
	if (!e) {
		fprintf(stderr, "mkbootcmd: %s: no boot entries\n",
			bootcfg_path(cfg));
		return MK_NO_ENTRY;
	}
	if (!e->kernel) {
		fprintf(stderr, "mkbootcmd: %s: entry %s (", bootcfg_path(cfg),
			e->index);
		print_escaped(stderr, e->title);
		fputs(") boots ", stderr);
		if (e->boots) {
			print_escaped(stderr, e->boots);
			fputs(", not a Linux kernel\n", stderr);
		} else {
			fputs("no Linux kernel\n", stderr);
		}
		return MK_NOT_LINUX;
	}
	if (e->sysappend)
		fprintf(stderr, "mkbootcmd: %s: entry %s: IPAPPEND/SYSAPPEND %u: "
			"the boot loader would add network values (ip=, "
			"BOOTIF=...) to the command line\n", bootcfg_path(cfg),
			e->index, e->sysappend);
	if (o->json) {
		show_entry_json(stdout, cfg, e);
		return MK_OK;
	}
	if (!o->format || !strcmp(o->format, "shell")) {
		print_shell(e);
		return MK_OK;
	}
	return print_args(e, o->null);
}

static int usage_error(poptContext pc, const char *message)
{
	fprintf(stderr, "mkbootcmd: %s\n", message);
	poptPrintUsage(pc, stderr, 0);
	return MK_USAGE;
}

static int run(poptContext pc, const struct options *o)
{
	struct bootcfg_options opts = {
		.size = sizeof(opts),
		.config = o->config, .boot_dir = o->boot_dir,
		.root = o->root, .format = o->loader,
		.device_map = o->device_map,
	};
	struct bootcfg_error error = { .size = sizeof(error) };
	struct bootcfg *cfg;
	int err, code;

	if (o->version) {
		printf("mkbootcmd %s\n", PACKAGE_VERSION);
		return MK_OK;
	}
	if (poptPeekArg(pc))
		return usage_error(pc, "too many arguments");
	if (o->format && strcmp(o->format, "shell") &&
	    strcmp(o->format, "args"))
		return usage_error(pc, "--format takes shell or args");
	if (o->null && !o->list && (!o->format || strcmp(o->format, "args")))
		return usage_error(pc, "--null goes with --format=args or "
				   "--list");
	if (o->list + !!o->entry + o->consume > 1)
		return usage_error(pc, "--list, --entry and --consume-oneshot "
				       "exclude each other");
	if (o->json && (o->null || o->format || o->consume))
		return usage_error(pc, "--json excludes --format, --null and "
				       "--consume-oneshot");
	err = bootcfg_load(&opts, &cfg, &error);
	if (err < 0)
		return config_failure(err, &error);
	warnings(cfg);
	if (o->list && o->json) {
		show_entries_json(stdout, cfg);
		code = MK_OK;
	} else if (o->list) {
		list(cfg, o->null);
		code = MK_OK;
	} else if (o->consume) {
		err = bootcfg_consume_next_entry(&opts, cfg, &error);
		code = err < 0 ? config_failure(err, &error) : MK_OK;
	} else {
		code = command(cfg, o, &opts);
	}
	bootcfg_free(cfg);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "mkbootcmd: standard output: %s\n",
			strerror(errno));
		code = MK_FAILED;
	}
	return code;
}

int main(int argc, const char **argv)
{
	static struct options o;
	const struct poptOption table[] = {
		{ "list", 'l', POPT_ARG_NONE, &o.list, 0,
		  "list the entries; * marks the default", NULL },
		{ "entry", 'e', POPT_ARG_STRING, &o.entry, 0,
		  "the entry to boot: index, id, title, @default, @oneshot or "
		  "@current (default: the one-shot, else the boot loader's "
		  "default)", "ENTRY" },
		{ "format", 'f', POPT_ARG_STRING, &o.format, 0,
		  "shell (a bootimg command line, the default) or args (one "
		  "argument per line)", "FORMAT" },
		{ "null", 'z', POPT_ARG_NONE, &o.null, 0,
		  "with --format=args: end each argument with NUL; with --list: "
		  "end each field with NUL, unescaped", NULL },
		{ "json", '\0', POPT_ARG_NONE, &o.json, 0,
		  "print the entries (--list) or the entry as one JSON "
		  "object", NULL },
		{ "config", 'c', POPT_ARG_STRING, &o.config, 0,
		  "read this configuration file or BLS entries directory",
		  "FILE" },
		{ "boot-dir", 'b', POPT_ARG_STRING, &o.boot_dir, 0,
		  "where the boot partition is mounted (default: ROOT/boot)",
		  "DIR" },
		{ "root", 'r', POPT_ARG_STRING, &o.root, 0,
		  "the root file system to look in (default: /)", "DIR" },
		{ "loader", 'L', POPT_ARG_STRING, &o.loader, 0,
		  "the configuration's format: grub, bls, syslinux or lilo "
		  "(default: detected)", "NAME" },
		{ "device-map", 'D', POPT_ARG_STRING, &o.device_map, 0,
		  "GRUB devices: \"DEVICE DIRECTORY [uuid=UUID] "
		  "[label=LABEL]\" lines, for (hd0,gpt2)/... paths and "
		  "search", "FILE" },
		{ "consume-oneshot", '\0', POPT_ARG_NONE, &o.consume, 0,
		  "the default entry is being booted: consume GRUB's one-shot "
		  "next_entry in grubenv, as GRUB does", NULL },
		{ "version", 'V', POPT_ARG_NONE, &o.version, 0,
		  "print the version", NULL },
		POPT_AUTOHELP
		POPT_TABLEEND
	};
	poptContext pc = poptGetContext("mkbootcmd", argc, argv, table, 0);
	int rc;

	rc = poptGetNextOpt(pc);
	if (rc < -1) {
		fprintf(stderr, "mkbootcmd: %s: %s\n",
			poptBadOption(pc, POPT_BADOPTION_NOALIAS),
			poptStrerror(rc));
		poptFreeContext(pc);
		return MK_USAGE;
	}
	rc = run(pc, &o);
	poptFreeContext(pc);
	free_options(&o);
	return rc;
}
