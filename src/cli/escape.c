// SPDX-License-Identifier: GPL-2.0-or-later
#include <stddef.h>
#include "escape.h"

size_t utf8_length(const unsigned char *s)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	for (i = 1; i < n; i++, lo = 0x80, hi = 0xbf)
		if (s[i] < lo || s[i] > hi)	/* a NUL ends it here too */
			return 0;
	return n;
}

/* C0 controls, DEL, and the C1 controls U+0080..U+009F (0xc2 0x80..0x9f). */
static int is_control(const unsigned char *s, size_t n)
{
	return (n == 1 && (s[0] < 0x20 || s[0] == 0x7f)) ||
	       (n == 2 && s[0] == 0xc2 && s[1] <= 0x9f);
}

void put_escaped(FILE *out, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;

	while (*s) {
		size_t i, n = utf8_length(s);

		if (n == 0 || is_control(s, n) || *s == '\\') {
			n = n ? n : 1;
			for (i = 0; i < n; i++)
				fprintf(out, "\\x%02x", s[i]);
		} else {
			fwrite(s, 1, n, out);
		}
		s += n;
	}
}
