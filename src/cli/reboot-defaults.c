// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "macros.h"
#include "reboot-defaults.h"
#include "reboot-init.h"
#include "shellvar.h"
#include "watchdog.h"

struct setting {
	const char *name;
	size_t offset;
	/* Store VALUE in FIELD; return NULL or why VALUE is wrong. */
	const char *(*store)(void *field, const char *value);
};

static const char *store_string(void *field, const char *value)
{
	char **s = field;

	free(*s);
	*s = *value ? strdup(value) : NULL;
	return *value && !*s ? strerror(ENOMEM) : NULL;
}

static const char *store_init(void *field, const char *value)
{
	if (*value && !init_system_find(value))
		return "unknown init system (auto, systemd, sysvinit or "
		       "direct)";
	return store_string(field, value);
}

static const char *store_bool(int *flag, const char *value, int empty)
{
	static const char *const yes[] = { "yes", "true", "1", "on" };
	static const char *const no[] = { "no", "false", "0", "off" };
	size_t i;

	if (!*value) {
		*flag = empty;
		return NULL;
	}
	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		if (strcasecmp(value, yes[i]) == 0) {
			*flag = 1;
			return NULL;
		}
		if (strcasecmp(value, no[i]) == 0) {
			*flag = 0;
			return NULL;
		}
	}
	return "the value must be yes or no";
}

static const char *store_no_default(void *field, const char *value)
{
	return store_bool(field, value, 0);
}

static const char *store_yes_default(void *field, const char *value)
{
	return store_bool(field, value, 1);
}

static const char *store_seconds(void *field, const char *value)
{
	unsigned *seconds = field;
	unsigned long n;
	char *end;

	if (!*value) {
		*seconds = REBOOT_MKBOOTCMD_TIMEOUT;
		return NULL;
	}
	errno = 0;
	n = strtoul(value, &end, 10);
	if (*value < '0' || *value > '9' || *end || errno || n < 1 ||
	    n > REBOOT_MKBOOTCMD_TIMEOUT_MAX)
		return "the value must be a number of seconds from 1 to 90";
	*seconds = (unsigned)n;
	return NULL;
}

static const char *store_watchdog(void *field, const char *value)
{
	if (watchdog_parse_seconds(value, field) < 0)
		return "the value must be a number of seconds from 0 (none) "
		       "to 3600";
	return NULL;
}

#define FIELD(name) offsetof(struct reboot_defaults, name)
static const struct setting settings[] = {
	{ "BOOTIMG_ENTRY", FIELD(entry), store_string },
	{ "BOOTIMG_APPEND", FIELD(append), store_string },
	{ "BOOTIMG_METHOD", FIELD(method), store_string },
	{ "BOOTIMG_INIT", FIELD(init), store_init },
	{ "BOOTIMG_ENABLED", FIELD(enabled), store_no_default },
	{ "BOOTIMG_FALLBACK", FIELD(fallback), store_yes_default },
	{ "BOOTIMG_DEBUG", FIELD(debug), store_no_default },
	{ "BOOTIMG_MKBOOTCMD_TIMEOUT", FIELD(mkbootcmd_timeout),
	  store_seconds },
	{ "BOOTIMG_WATCHDOG", FIELD(watchdog), store_watchdog },
	{ "BOOTIMG_FAST_BOOT", FIELD(fast_boot), store_yes_default },
};

/* Variables that are not ours are allowed, as in any sourced file. */
static const char *apply(struct reboot_defaults *d, const char *name,
			 const char *value)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(settings); i++) {
		if (strcmp(name, settings[i].name) == 0)
			return settings[i].store((char *)d + settings[i].offset,
						 value);
	}
	return NULL;
}

static int read_lines(FILE *f, const char *path, struct reboot_defaults *d)
{
	char *line = NULL, *name, *value;
	size_t size = 0;
	unsigned lineno = 0;
	const char *why = NULL;

	while (!why && getline(&line, &size, f) >= 0) {
		lineno++;
		if (shellvar_parse(line, &name, &value, &why) > 0) {
			why = apply(d, name, value);
			if (why)
				fprintf(stderr, "bootimg-reboot: %s:%u: %s: %s\n",
					path, lineno, name, why);
			free(name);
			free(value);
		} else if (why) {
			fprintf(stderr, "bootimg-reboot: %s:%u: %s\n", path,
				lineno, why);
		}
	}
	free(line);
	return why ? -1 : 0;
}

int reboot_defaults_load(const char *path, struct reboot_defaults *d)
{
	FILE *f;
	int ret;

	memset(d, 0, sizeof(*d));
	d->fallback = 1;
	d->fast_boot = 1;
	d->mkbootcmd_timeout = REBOOT_MKBOOTCMD_TIMEOUT;
	f = fopen(path, "re");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "bootimg-reboot: %s: %s\n", path,
			strerror(errno));
		return -1;
	}
	ret = read_lines(f, path, d);
	fclose(f);
	if (ret < 0)
		reboot_defaults_free(d);
	return ret;
}

void reboot_defaults_free(struct reboot_defaults *d)
{
	free(d->entry);
	free(d->append);
	free(d->method);
	free(d->init);
}
