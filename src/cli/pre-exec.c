// SPDX-License-Identifier: GPL-2.0-or-later
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "macros.h"
#include "pre-exec.h"
#include "spawn.h"
#include "staged-entry.h"
#include "strv.h"
#include "sysroot.h"

extern char **environ;

/*
 * As run-parts(8) picks its scripts: names of letters, digits, '_' and
 * '-' only, which leaves out dpkg's .dpkg-old, editors' foo~ and .bak
 * copies, and hidden files.
 */
static int hook_name(const struct dirent *d)
{
	const char *c = d->d_name;

	for (; *c; c++) {
		if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') &&
		    !(*c >= '0' && *c <= '9') && *c != '_' && *c != '-')
			return 0;
	}
	return 1;
}

static int timeout_from_environment(unsigned *timeout)
{
	const char *value = getenv("BOOTIMG_PRE_EXEC_TIMEOUT");
	unsigned long n;
	char *end;

	*timeout = PRE_EXEC_TIMEOUT;
	if (!value || !*value)
		return 0;
	errno = 0;
	n = strtoul(value, &end, 10);
	if (*value < '0' || *value > '9' || *end || errno || n < 1 ||
	    n > PRE_EXEC_TIMEOUT_MAX) {
		fprintf(stderr, "bootimg: BOOTIMG_PRE_EXEC_TIMEOUT=%s: the value "
			"must be a number of seconds from 1 to %d\n", value,
			PRE_EXEC_TIMEOUT_MAX);
		return -1;
	}
	*timeout = (unsigned)n;
	return 0;
}

/* Is VAR ("NAME=VALUE") one of the staged entry's variables? */
static int staged_variable(const char *var)
{
	static const char *const names[] = {
		"BOOTIMG_ENTRY=", "BOOTIMG_KERNEL=", "BOOTIMG_INITRD=",
		"BOOTIMG_INITRDS=", "BOOTIMG_INITRD_FILES=",
		"BOOTIMG_CMDLINE=",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (strncmp(var, names[i], strlen(names[i])) == 0)
			return 1;
	}
	return 0;
}

/*
 * Our environment, with the staged entry's variables in place of any
 * that came with it: a hook never sees a stale or inherited value.
 */
static void hook_environment(struct strv *env)
{
	struct strv record = { 0 };
	char **e;

	staged_entry_environment(&record);
	for (e = environ; *e; e++) {
		if (!staged_variable(*e))
			strv_push(env, *e);
	}
	for (e = record.v; e && *e; e++) {
		if (staged_variable(*e))
			strv_push(env, *e);
	}
	strv_free(&record);
}

static int run_hook(const char *path, char *const envp[], unsigned timeout)
{
	char *argv[] = { (char *)path, NULL };
	int status = spawn_wait_env(path, argv, envp, timeout);

	if (status == 0)
		return 0;
	if (status == SPAWN_NOT_RUN)
		fprintf(stderr, "bootimg: pre-exec hook %s: %s\n", path,
			strerror(errno));
	else if (status == SPAWN_TIMED_OUT)
		fprintf(stderr, "bootimg: pre-exec hook %s took more than %u s; "
			"stopped it\n", path, timeout);
	else
		fprintf(stderr, "bootimg: pre-exec hook %s failed (exit %d)\n",
			path, status);
	return -1;
}

/* A regular file we may execute (after symlinks). */
static int executable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

/* Run the hooks NAMES (N of them) in DIR, in order, until one fails. */
static int run_hooks(const char *dir, struct dirent **names, int n,
		     unsigned timeout)
{
	struct strv env = { 0 };
	char *no_variables[] = { NULL };
	int i, ret = 0;

	hook_environment(&env);
	for (i = 0; i < n && ret == 0; i++) {
		size_t size = strlen(dir) + strlen(names[i]->d_name) + 2;
		char *path = xmalloc(size);

		snprintf(path, size, "%s/%s", dir, names[i]->d_name);
		if (executable(path))
			ret = run_hook(path, env.v ? env.v : no_variables,
				       timeout);
		free(path);
	}
	strv_free(&env);
	return ret;
}

int pre_exec_run_hooks(void)
{
	char *dir = sysroot_path(SYSCONFDIR "/bootimg/pre-exec.d");
	struct dirent **names = NULL;
	unsigned timeout;
	int n, i, ret = -1;

	if (timeout_from_environment(&timeout) < 0) {
		free(dir);
		return -1;
	}
	n = scandir(dir, &names, hook_name, alphasort);
	if (n >= 0)
		ret = run_hooks(dir, names, n, timeout);
	else if (errno == ENOENT)
		ret = 0;	/* no hooks */
	else
		fprintf(stderr, "bootimg: %s: %s\n", dir, strerror(errno));
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(dir);
	return ret;
}
