// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The device map (mkbootcmd --device-map): which GRUB device is which
 * directory on this system, with its file system's UUID and label, so
 * that "(hd0,gpt2)/vmlinuz" and "search --fs-uuid" find their files.
 *
 *   # GRUB-DEVICE  DIRECTORY  [uuid=UUID] [label=LABEL]
 *   hd0,gpt1       /boot/efi  uuid=1A2B-3C4D
 *   hd0,gpt2       /boot      uuid=0b6a...  label=boot
 *
 * DIRECTORY is where that file system is mounted now; a relative one is
 * relative to the map's directory.  "#" starts a comment.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "array.h"
#include "internal.h"

static int add(struct bc_devmap *m, char *name, char *dir, char *uuid,
	       char *label)
{
	if (array_reserve(&m->v, &m->cap, m->n + 1, sizeof(*m->v)) < 0)
		return -ENOMEM;
	m->v[m->n++] = (struct bc_device){ name, dir, uuid, label };
	return 0;
}

static int parse_line(struct bc_parse *p, struct bc_devmap *m,
		      const char *map_dir, char *text, unsigned line)
{
	char *word[4], *save = NULL, *uuid_word = NULL, *label_word = NULL;
	char *name, *dir, *uuid, *label;
	size_t n = 0, i;

	char *w;

	text[strcspn(text, "#")] = '\0';
	for (w = strtok_r(text, " \t", &save); w && n < 5;
	     w = strtok_r(NULL, " \t", &save))
		if (n++ < 4)
			word[n - 1] = w;
	if (!n)
		return 0;
	if (n < 2 || n > 4)
		return bc_syntax(p, line, "not \"DEVICE DIRECTORY "
				 "[uuid=UUID] [label=LABEL]\"");
	for (i = 2; i < n; i++) {
		if (!strncmp(word[i], "uuid=", 5))
			uuid_word = word[i] + 5;
		else if (!strncmp(word[i], "label=", 6))
			label_word = word[i] + 6;
		else
			return bc_syntax(p, line, "%s: not uuid= or label=",
					 word[i]);
	}
	name = strdup(word[0]);
	dir = word[1][0] == '/' ? strdup(word[1]) : bc_join(map_dir, word[1]);
	uuid = bc_strdup0(uuid_word);
	label = bc_strdup0(label_word);
	if (name && dir && (uuid || !uuid_word) && (label || !label_word) &&
	    !add(m, name, dir, uuid, label))
		return 0;
	free(name);
	free(dir);
	free(uuid);
	free(label);
	return -ENOMEM;
}

int bc_devmap_load(struct bc_parse *p, const char *path,
		   struct bc_devmap *m)
{
	const char *saved = p->path, *slash = strrchr(path, '/');
	char *buf, *text, *dir;
	struct bc_lines lines;
	size_t len;
	int err;

	*m = (struct bc_devmap){ 0 };
	err = bc_read_file(p, path, &buf, &len);
	if (err)
		return err;
	dir = slash ? bc_strndup(path, slash == path ? 1 :
				 (size_t)(slash - path)) : strdup(".");
	p->path = path;
	err = dir ? bc_check_text(p, buf, len) : -ENOMEM;
	lines = (struct bc_lines)BC_LINES(buf, len);
	while (!err && (err = bc_next_line(&lines, &text)) > 0) {
		err = parse_line(p, m, dir, text, lines.n);
		free(text);
	}
	p->path = saved;
	free(dir);
	free(buf);
	if (err)
		bc_devmap_free(m);
	return err;
}

void bc_devmap_free(struct bc_devmap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].name);
		free(m->v[i].dir);
		free(m->v[i].uuid);
		free(m->v[i].label);
	}
	free(m->v);
	*m = (struct bc_devmap){ 0 };
}

const struct bc_device *bc_device_named(const struct bc_devmap *m,
					const char *name, size_t n)
{
	size_t i;

	for (i = 0; m && i < m->n; i++)
		if (strlen(m->v[i].name) == n && !strncmp(m->v[i].name, name, n))
			return &m->v[i];
	return NULL;
}

const struct bc_device *bc_device_find(const struct bc_parse *p,
				       enum bc_device_key key,
				       const char *value)
{
	const struct bc_devmap *m = p->devices;
	size_t i;

	for (i = 0; m && i < m->n; i++) {
		const struct bc_device *d = &m->v[i];
		char *file;
		int found;

		switch (key) {
		case BC_BY_UUID:
			if (d->uuid && !strcasecmp(d->uuid, value))
				return d;
			break;
		case BC_BY_LABEL:
			if (d->label && !strcmp(d->label, value))
				return d;
			break;
		case BC_BY_FILE:
			file = bc_join(d->dir, value);
			found = file && bc_exists(p, file);
			free(file);
			if (found)
				return d;
			break;
		}
	}
	return NULL;
}
