// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "escape.h"
#include "reboot-guard.h"
#include "strv.h"
#include "watchdog.h"

char *guard_append(struct guard *g, const char *append)
{
	size_t size;
	char *text;

	g->fd = -1;
	if (!g->watchdog)
		return NULL;
	attempt_start(&g->attempt, "", "", g->watchdog);
	size = (append ? strlen(append) + 1 : 0) + sizeof("bootimg.attempt=") +
	       strlen(g->attempt.id);
	text = xmalloc(size);
	snprintf(text, size, "%s%sbootimg.attempt=%s", append ? append : "",
		 append ? " " : "", g->attempt.id);
	return text;
}

/* The kernel that a bootimg --load command loads ("" if none). */
static const char *loaded_kernel(char *const argv[])
{
	for (; *argv; argv++) {
		if (strcmp(*argv, "--load") == 0 && argv[1])
			return argv[1];
		if (strncmp(*argv, "--load=", 7) == 0)
			return *argv + 7;
	}
	return "";
}

static void report(const char *what, const struct attempt *a)
{
	fprintf(stderr, "bootimg-reboot: %s ", what);
	put_escaped(stderr, a->entry);
	fputs(" (", stderr);
	put_escaped(stderr, a->kernel);
	fputs(")", stderr);
}

int guard_refuses(const struct guard *g, const char *entry,
		  char *const argv[])
{
	struct attempt last;
	int err = attempt_read(&last);

	if (err == -EINVAL)
		fprintf(stderr, "bootimg-reboot: %s: damaged, ignored\n",
			attempt_path());
	if (err < 0 || last.confirmed || strcmp(last.entry, entry) ||
	    strcmp(last.kernel, loaded_kernel(argv)) ||
	    attempt_is_running(&last))
		return 0;
	report(g->force ? "--force: booting again" : "the last boot of",
	       &last);
	fputs(g->force ? ", whose last boot was never confirmed\n" :
	      " was never confirmed: it failed\n", stderr);
	return !g->force;
}

void guard_arm(struct guard *g, const char *entry, char *const argv[])
{
	int err;

	if (!g->watchdog)
		return;
	snprintf(g->attempt.entry, sizeof(g->attempt.entry), "%s", entry);
	snprintf(g->attempt.kernel, sizeof(g->attempt.kernel), "%s",
		 loaded_kernel(argv));
	err = attempt_write(&g->attempt);
	g->recorded = err == 0;
	if (err < 0)
		fprintf(stderr, "bootimg-reboot: warning: %s: %s; this attempt "
			"is not recorded\n", attempt_path(), strerror(-err));
	g->fd = watchdog_arm_warning("bootimg-reboot", g->watchdog);
	if (g->fd >= 0 && g->verbose)
		fprintf(stderr, "bootimg-reboot: watchdog armed: %u s\n",
			g->watchdog);
}

void guard_abort(struct guard *g)
{
	if (g->fd >= 0)
		watchdog_release(g->fd);
	g->fd = -1;
	if (g->recorded && unlink(attempt_path()) < 0 && errno != ENOENT)
		fprintf(stderr, "bootimg-reboot: %s: %s\n", attempt_path(),
			strerror(errno));
}

int guard_confirm(int verbose)
{
	struct attempt a;
	int err = attempt_read(&a);

	if (err == -ENOENT || (!err && a.confirmed)) {
		if (verbose)
			fputs("bootimg-reboot: no attempt to confirm\n", stderr);
		return 0;
	}
	if (err < 0) {
		fprintf(stderr, "bootimg-reboot: %s: %s\n", attempt_path(),
			err == -EINVAL ? "damaged" : strerror(-err));
		return 1;
	}
	if (!attempt_is_running(&a)) {
		fprintf(stderr, "bootimg-reboot: this boot is not attempt %s "
			"(no bootimg.attempt=%s on the command line): it "
			"stays unconfirmed\n", a.id, a.id);
		return 0;
	}
	a.confirmed = time(NULL);
	err = attempt_write(&a);
	if (err < 0) {
		fprintf(stderr, "bootimg-reboot: %s: %s\n", attempt_path(),
			strerror(-err));
		return 1;
	}
	err = watchdog_disarm();
	if (err < 0 && (err != -ENOENT || a.watchdog))
		fprintf(stderr, "bootimg-reboot: warning: /dev/watchdog: %s; "
			"not disarmed\n", strerror(-err));
	report("confirmed the boot of", &a);
	fputc('\n', stderr);
	return 0;
}
