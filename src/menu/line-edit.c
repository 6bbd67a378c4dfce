// SPDX-License-Identifier: GPL-2.0-or-later
/* A one-row line editor for the command line ("e" in the menu). */
#include <stdlib.h>
#include <string.h>
#include "tty.h"

#define SHOWN 64	/* columns of the line on the screen */

static void redraw(FILE *out, const char *prompt, const char *s,
		   size_t len, size_t pos)
{
	size_t from = pos > SHOWN - 8 ? pos - (SHOWN - 8) : 0;
	size_t n = len - from < SHOWN ? len - from : SHOWN;

	fprintf(out, "\r\033[K%s%s%.*s", prompt, from ? "<" : "",
		(int)n, s + from);
	if (from + n > pos)
		fprintf(out, "\033[%zuD", from + n - pos);
	fflush(out);
}

char *line_edit(struct tty *t, FILE *out, const char *prompt,
		const char *line)
{
	size_t len = strlen(line), size = len + 64, pos = len;
	char *s = malloc(size), *grown;
	int key;

	if (!s)
		return NULL;
	memcpy(s, line, len + 1);
	for (;;) {
		redraw(out, prompt, s, len, pos);
		key = tty_key(t, -1);
		if (key == KEY_ENTER) {
			fputs("\r\n", out);
			return s;
		}
		if (key == KEY_ESCAPE || key == KEY_EOF)
			break;
		if (key == KEY_LEFT && pos > 0)
			pos--;
		else if (key == KEY_RIGHT && pos < len)
			pos++;
		else if (key == KEY_HOME)
			pos = 0;
		else if (key == KEY_END)
			pos = len;
		else if (key == KEY_BACKSPACE && pos > 0) {
			memmove(s + pos - 1, s + pos, len - pos + 1);
			pos--;
			len--;
		} else if (key >= 0x20 && key < 0x100 && key != 0x7f) {
			if (len + 2 > size) {
				grown = realloc(s, size *= 2);
				if (!grown)
					break;
				s = grown;
			}
			memmove(s + pos + 1, s + pos, len - pos + 1);
			s[pos++] = (char)key;
			len++;
		}
	}
	fputs("\r\n", out);
	free(s);
	return NULL;
}
