// SPDX-License-Identifier: GPL-2.0-or-later
/* Printing untrusted text so that a terminal shows it and never obeys it. */
#include "text-escape.h"

/* U+0080..U+009F in UTF-8: C1 controls (CSI is U+009B) to a terminal. */
static int is_c1(const unsigned char *c)
{
	return c[0] == 0xc2 && c[1] >= 0x80 && c[1] <= 0x9f;
}

void print_escaped(FILE *out, const char *text)
{
	const unsigned char *c;

	for (c = (const unsigned char *)text; *c; c++) {
		if (*c == '\\')
			fputs("\\\\", out);
		else if (*c == '\t')
			fputs("\\t", out);
		else if (*c == '\n')
			fputs("\\n", out);
		else if (*c < 0x20 || *c == 0x7f)
			fprintf(out, "\\x%02x", *c);
		else if (is_c1(c)) {
			fprintf(out, "\\x%02x\\x%02x", c[0], c[1]);
			c++;
		} else
			putc(*c, out);
	}
}
