/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The terminal, plain: raw mode with termios, keys decoded from the
 * ANSI sequences that a VGA console and serial terminals send alike.
 * Input that is no terminal (a pipe in the tests) is read as it is.
 */
#ifndef BOOTIMG_MENU_TTY_H
#define BOOTIMG_MENU_TTY_H

#include <stdio.h>
#include <termios.h>

enum tty_key {
	KEY_NONE = -1,		/* the wait ended with no key */
	KEY_EOF = -2,		/* the input ended */
	KEY_UP = 0x100, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END,
	KEY_ENTER, KEY_BACKSPACE, KEY_ESCAPE,
};

struct tty {
	int fd;
	int raw;		/* saved holds the mode to restore */
	int eof;		/* the input has ended */
	struct termios saved;
};

/* Raw mode on FD when it is a terminal (output processing stays). */
void tty_raw(struct tty *t, int fd);
void tty_restore(struct tty *t);

/*
 * The next key, waiting at most TIMEOUT_MS (< 0: for ever).  Once the
 * input has ended, KEY_EOF comes at once when waiting for ever, else
 * KEY_NONE after the wait: a countdown still runs out.
 */
int tty_key(struct tty *t, int timeout_ms);

/*
 * Edit LINE on one screen row (scrolled sideways) after PROMPT: the
 * arrows, Home, End, Backspace; Enter keeps the edit, Escape drops it.
 * Returns the new line, NULL when dropped (or out of memory).
 */
char *line_edit(struct tty *t, FILE *out, const char *prompt,
		const char *line);

#endif
