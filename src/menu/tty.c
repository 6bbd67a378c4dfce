// SPDX-License-Identifier: GPL-2.0-or-later
/* Raw mode and key decoding (see tty.h). */
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include "tty.h"

void tty_raw(struct tty *t, int fd)
{
	struct termios raw;

	t->fd = fd;
	t->raw = tcgetattr(fd, &t->saved) == 0;
	if (!t->raw)
		return;
	raw = t->saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
	raw.c_iflag &= ~(tcflag_t)(ICRNL | INLCR | IXON);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(fd, TCSAFLUSH, &raw);
}

void tty_restore(struct tty *t)
{
	if (t->raw)
		tcsetattr(t->fd, TCSAFLUSH, &t->saved);
}

/* One byte within TIMEOUT_MS: the byte, KEY_NONE or KEY_EOF. */
static int read_byte(int fd, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	unsigned char c;

	if (poll(&p, 1, timeout_ms) <= 0)
		return KEY_NONE;
	return read(fd, &c, 1) == 1 ? c : KEY_EOF;
}

/* ESC [ X, ESC O X and ESC [ N ~: the arrows, Home and End. */
static int escape_sequence(int fd)
{
	int c = read_byte(fd, 50), d;

	if (c != '[' && c != 'O')
		return KEY_ESCAPE;
	switch (c = read_byte(fd, 50)) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	}
	if (c < '0' || c > '9')
		return KEY_NONE;
	while ((d = read_byte(fd, 50)) >= '0' && d <= '9')
		;
	if (d != '~')
		return KEY_NONE;
	return c == '1' || c == '7' ? KEY_HOME :
	       c == '4' || c == '8' ? KEY_END : KEY_NONE;
}

int tty_key(struct tty *t, int timeout_ms)
{
	int c;

	if (t->eof && timeout_ms < 0)
		return KEY_EOF;
	if (t->eof) {
		poll(NULL, 0, timeout_ms);
		return KEY_NONE;
	}
	c = read_byte(t->fd, timeout_ms);
	switch (c) {
	case KEY_EOF:
		t->eof = 1;
		return KEY_EOF;
	case 0x1b: return escape_sequence(t->fd);
	case '\r': case '\n': return KEY_ENTER;
	case 0x7f: case '\b': return KEY_BACKSPACE;
	case 0x01: return KEY_HOME;	/* ^A */
	case 0x05: return KEY_END;	/* ^E */
	}
	return c;
}
