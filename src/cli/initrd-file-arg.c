// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "initrd-file-arg.h"

/* Octal, 1 to 4 digits: a mode of 0 to 07777. */
static int parse_mode(const char *s)
{
	size_t len = strspn(s, "01234567");

	if (len == 0 || len > 4 || s[len])
		return -1;
	return (int)strtol(s, NULL, 8);
}

static const char *split(char *copy, struct bootimg_initrd_file *file)
{
	char *dest = strchr(copy, ':'), *mode;

	if (!dest || dest == copy)
		return "give SRC:DEST or SRC:DEST:MODE";
	*dest++ = '\0';
	mode = strrchr(dest, ':');
	file->source = copy;
	file->dest = dest;
	file->mode = -1;
	if (mode) {
		*mode++ = '\0';
		file->mode = parse_mode(mode);
		if (file->mode < 0)
			return "MODE must be octal, 0 to 7777";
	}
	if (bootimg_check_initrd_dest(dest) < 0)
		return "DEST must be a file's path without \"..\", \".\" or "
		       "empty components, nor a trailing '/', shorter than "
		       "PATH_MAX";
	return NULL;
}

const char *parse_initrd_file(const char *arg,
			      struct bootimg_initrd_file *file)
{
	char *copy = strdup(arg);
	const char *why;

	if (!copy)
		return "out of memory";
	why = split(copy, file);
	if (why)
		free(copy);
	return why;
}
