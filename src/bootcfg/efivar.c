// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * systemd-boot's EFI variables (LoaderEntryDefault, LoaderEntryOneShot,
 * LoaderEntryLastBooted) as efivarfs shows them below the root: four
 * bytes of attributes, then a NUL-terminated UTF-16LE string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#define LOADER_GUID "4a67b082-0a4c-41cf-b6c7-440b29bb8c4f"

char *bc_loader_efivar(struct bc_parse *p, const char *name)
{
	struct bootcfg_error ignored, *keep = p->error;
	char path[256], *dir, *file, *buf, *value = NULL;
	size_t len, i, n = 0;
	int err;

	dir = bc_join(*p->root ? p->root : "/", "sys/firmware/efi/efivars");
	snprintf(path, sizeof(path), "%s-" LOADER_GUID, name);
	file = dir ? bc_join(dir, path) : NULL;
	free(dir);
	if (!file)
		return NULL;
	p->error = &ignored;	/* no variable: no preference */
	err = bc_read_file(p, file, &buf, &len);
	p->error = keep;
	free(file);
	if (err)
		return NULL;
	if (len > 4)
		value = malloc((len - 4) / 2 + 1);
	for (i = 4; value && i + 1 < len; i += 2) {
		unsigned c = (unsigned char)buf[i] |
			     (unsigned)(unsigned char)buf[i + 1] << 8;

		if (!c)
			break;
		value[n++] = c < 0x80 ? (char)c : '?';	/* ids are ASCII */
	}
	if (value)
		value[n] = '\0';
	free(buf);
	if (value && !*value) {
		free(value);
		value = NULL;
	}
	return value;
}
