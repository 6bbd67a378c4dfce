// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "macros.h"
#include "reboot-stage.h"
#include "spawn.h"

/*
 * Split mkbootcmd --format=args --null output: each argument ends with a
 * NUL, so that spaces, quotes and newlines in it come through exactly.
 */
static void split_args(const char *out, size_t len, struct strv *words)
{
	const char *p = out, *end = out + len, *next;

	while (p < end) {
		next = memchr(p, '\0', (size_t)(end - p));
		if (!next)
			next = end;
		strv_push_n(words, p, (size_t)(next - p));
		p = next + 1;
	}
}

static int from_entry(const struct stage_request *req, struct strv *argv)
{
	struct strv cmd = { 0 }, words = { 0 };
	char *out;
	size_t len, first;
	int status;

	strv_push(&cmd, "mkbootcmd");
	strv_push(&cmd, "--format=args");
	strv_push(&cmd, "--null");
	if (req->entry)
		strv_push_option(&cmd, "--entry", req->entry);
	if (req->config)
		strv_push_option(&cmd, "--config", req->config);
	if (req->boot_dir)
		strv_push_option(&cmd, "--boot-dir", req->boot_dir);
	status = spawn_capture(cmd.v, req->timeout, &out, &len);
	strv_free(&cmd);
	if (status == SPAWN_NOT_RUN) {
		fprintf(stderr, "bootimg-reboot: cannot run mkbootcmd: %s\n",
			strerror(errno));
		return -1;
	}
	if (status == SPAWN_TIMED_OUT) {
		fprintf(stderr, "bootimg-reboot: mkbootcmd took more than %u s "
			"(BOOTIMG_MKBOOTCMD_TIMEOUT); stopped it\n",
			req->timeout);
		free(out);
		return -1;
	}
	if (status != 0) {
		fprintf(stderr, "bootimg-reboot: mkbootcmd failed (exit %d)\n",
			status);
		free(out);
		return -1;
	}
	split_args(out, len, &words);
	free(out);
	first = words.n && strcmp(words.v[0], "bootimg") == 0;
	if (words.n <= first) {
		fputs("bootimg-reboot: mkbootcmd printed no command\n", stderr);
		strv_free(&words);
		return -1;
	}
	strv_push(argv, "bootimg");
	strv_push_all(argv, words.v + first);
	strv_free(&words);
	return 0;
}

static char *boot_file(const char *dir, const char *prefix,
		       const char *release, const char *suffix)
{
	size_t size = strlen(dir) + strlen(prefix) + strlen(release) +
		      strlen(suffix) + 2;
	char *path = xmalloc(size);

	snprintf(path, size, "%s/%s%s%s", dir, prefix, release, suffix);
	return path;
}

static int from_running(const struct stage_request *req, struct strv *argv)
{
	/* Debian's and Fedora's names for the initrd of a kernel. */
	static const char *const initrd_names[][2] = {
		{ "initrd.img-", "" }, { "initramfs-", ".img" },
	};
	const char *dir = req->boot_dir ? req->boot_dir : "/boot";
	struct utsname uts;
	char *path;
	size_t i;

	if (uname(&uts) < 0) {
		fprintf(stderr, "bootimg-reboot: uname: %s\n", strerror(errno));
		return -1;
	}
	path = boot_file(dir, "vmlinuz-", uts.release, "");
	strv_push(argv, "bootimg");
	strv_push(argv, "--load");
	strv_push(argv, path);
	free(path);
	for (i = 0; i < ARRAY_SIZE(initrd_names); i++) {
		path = boot_file(dir, initrd_names[i][0], uts.release,
				 initrd_names[i][1]);
		if (access(path, F_OK) == 0) {
			strv_push_option(argv, "--initrd", path);
			free(path);
			break;
		}
		free(path);
	}
	strv_push(argv, "--reuse-cmdline");
	return 0;
}

static int from_options(const struct stage_request *req, struct strv *argv)
{
	char **initrd;

	strv_push(argv, "bootimg");
	strv_push(argv, "--load");
	strv_push(argv, req->kernel);
	for (initrd = req->initrds; initrd && *initrd; initrd++)
		strv_push_option(argv, "--initrd", *initrd);
	if (req->command_line)
		strv_push_option(argv, "--command-line", req->command_line);
	else
		strv_push(argv, "--reuse-cmdline");
	return 0;
}

static int (*const sources[])(const struct stage_request *, struct strv *) = {
	[STAGE_ENTRY] = from_entry,
	[STAGE_RUNNING] = from_running,
	[STAGE_EXPLICIT] = from_options,
};

int stage_command(const struct stage_request *req, struct strv *argv)
{
	if (sources[req->source](req, argv) < 0)
		return -1;
	if (req->append)
		strv_push_option(argv, "--append", req->append);
	if (req->method)
		strv_push_option(argv, "--method", req->method);
	if (req->debug)
		strv_push(argv, "--debug");
	if (req->no_fast_boot)
		strv_push(argv, "--no-fast-boot");
	if (req->verbose)
		strv_push(argv, "-v");
	return 0;
}
