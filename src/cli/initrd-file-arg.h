/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --initrd-file=SRC:DEST[:MODE], parsed into the library's request. */
#ifndef BOOTIMG_CLI_INITRD_FILE_ARG_H
#define BOOTIMG_CLI_INITRD_FILE_ARG_H

#include "bootimg.h"

/*
 * Parse ARG into FILE: SRC ends at the first ':'; MODE, when given,
 * follows the last one.  FILE's strings are one malloc'd copy of ARG, to
 * be freed as FILE->source.  Returns NULL, or why ARG is wrong (and then
 * allocates nothing).
 */
const char *parse_initrd_file(const char *arg,
			      struct bootimg_initrd_file *file);

#endif
