/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Text from images and paths, printed so that a terminal takes none of it
 * as a command: control bytes, DEL, the C1 controls and bytes that are
 * not valid UTF-8 come out as \xHH (and the backslash, so that the
 * output is unambiguous), valid UTF-8 text as it is.
 */
#ifndef BOOTIMG_CLI_ESCAPE_H
#define BOOTIMG_CLI_ESCAPE_H

#include <stdio.h>

void put_escaped(FILE *out, const char *text);

/*
 * The length of the valid UTF-8 sequence at S (1 to 4 bytes), or 0 if
 * there is none: no overlong forms, surrogates or code points past
 * U+10FFFF (RFC 3629).
 */
size_t utf8_length(const unsigned char *s);

#endif
