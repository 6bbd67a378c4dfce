// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --test-devices: a device table stands for /sys/class/block, libblkid
 * and the mounts, so that the tests run without root or disks.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "device.h"
#include "macros.h"

#define MAX_LINE 4096

static int bad(char *why, size_t size, const char *path, unsigned line,
	       const char *cause)
{
	snprintf(why, size, "%s:%u: %s", path, line, cause);
	return -EBADMSG;
}

/* KEY=VALUE words after the third; mount-error= takes the rest. */
static const char *set_key(struct menu_device *d, char *word, char **rest)
{
	static const struct {
		const char *key;
		size_t field;
	} keys[] = {
		{ "type=", offsetof(struct menu_device, type) },
		{ "uuid=", offsetof(struct menu_device, uuid) },
		{ "label=", offsetof(struct menu_device, label) },
		{ "partuuid=", offsetof(struct menu_device, partuuid) },
	};
	size_t i;

	if (!strncmp(word, "mount-error=", 12)) {
		d->problem = word + 12;
		if (*rest && **rest) {	/* the rest of the line */
			(*rest)[-1] = ' ';
			*rest = NULL;
		}
		return NULL;
	}
	for (i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strncmp(word, keys[i].key, strlen(keys[i].key))) {
			*(char **)((char *)d + keys[i].field) =
				word + strlen(keys[i].key);
			return NULL;
		}
	return "not type=, uuid=, label=, partuuid= or mount-error=";
}

static int parse_line(struct menu_devices *all, const char *table_dir,
		      char *text, const char *path, unsigned line,
		      char *why, size_t size)
{
	struct menu_device d = { 0 };
	char *word, *rest = text, *dir = NULL;
	const char *cause;
	unsigned n = 0;
	int err;

	text[strcspn(text, "#\n")] = '\0';
	while (rest && (word = strsep(&rest, " \t")) != NULL) {
		if (!*word)
			continue;
		if (n == 0)
			d.name = word;
		else if (n == 1)
			d.grub = word;
		else if (n == 2)
			dir = word;
		else if ((cause = set_key(&d, word, &rest)) != NULL)
			return bad(why, size, path, line, cause);
		n++;
	}
	if (n == 0)
		return 0;
	if (n < 3)
		return bad(why, size, path, line, "not \"NAME GRUB-NAME "
			   "DIRECTORY [KEY=VALUE...]\"");
	if (strcmp(dir, "-") && !d.problem) {
		d.dir = malloc(strlen(table_dir) + strlen(dir) + 2);
		if (!d.dir)
			return -ENOMEM;
		sprintf(d.dir, "%s/%s", table_dir, dir);
	}
	err = devices_add(all, &d);
	free(d.dir);
	return err;
}

int devices_from_table(const char *path, struct menu_devices *all,
		       char *why, size_t size)
{
	const char *slash = strrchr(path, '/');
	char text[MAX_LINE], *table_dir, *dir;
	unsigned line = 0;
	int err = 0;
	FILE *f;

	*all = (struct menu_devices){ 0 };
	f = fopen(path, "re");
	if (!f) {
		err = -errno;
		snprintf(why, size, "%s: %s", path, strerror(errno));
		return err;
	}
	dir = slash ? strndup(path, (size_t)(slash - path ? slash - path : 1))
		    : strdup(".");
	/* libbootcfg wants absolute directories */
	table_dir = dir ? realpath(dir, NULL) : NULL;
	if (!table_dir)
		err = -ENOMEM;
	free(dir);
	while (!err && fgets(text, sizeof(text), f)) {
		line++;
		if (!strchr(text, '\n') && !feof(f))
			err = bad(why, size, path, line, "line too long");
		else
			err = parse_line(all, table_dir, text, path, line,
					 why, size);
	}
	if (!err && ferror(f))
		err = bad(why, size, path, line, "read error");
	if (err == -ENOMEM)
		snprintf(why, size, "%s: %s", path, strerror(ENOMEM));
	free(table_dir);
	fclose(f);
	if (err)
		devices_free(all);
	return err;
}
