// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The menu: the entries with the selected one in reverse video, the
 * problems below them, a countdown to the selected entry that any key
 * stops.  Up/Down (or k/j) and digits choose, Enter boots, "e" edits the
 * command line and boots with it, "s" runs /bin/sh, "q" leaves.  A boot
 * that fails shows its error and comes back here.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "escape.h"
#include "menu.h"
#include "tty.h"

struct menu_state {
	FILE *out;
	struct tty tty;
	const struct menu_list *list;
	long selected;
	int countdown;		/* seconds left, or -1: stopped */
	int failed;		/* the last failed boot's exit code, or 0 */
};

static void draw(const struct menu_state *s)
{
	FILE *out = s->out;
	size_t i;

	fputs("\033[H\033[J\rbootimg-menu: choose an entry\r\n\r\n", out);
	for (i = 0; i < s->list->n; i++) {
		if ((long)i == s->selected)
			fputs("\033[7m", out);	/* reverse video */
		list_entry(out, s->list, i);
		fputs("\033[0m\r\n", out);
	}
	for (i = 0; i < s->list->n_problems; i++) {
		fputs(i ? "\r\n  " : "\r\nproblems:\r\n  ", out);
		put_escaped(out, s->list->problems[i]);
	}
	fputs("\r\n\r\nEnter: boot  Up/Down, 0-9: choose  e: edit the "
	      "command line  s: shell  q: leave\r\n", out);
	if (s->countdown >= 0)
		fprintf(out, "Booting entry %ld in %d s\r\n", s->selected,
			s->countdown);
	fflush(out);
}

static void run_shell(struct menu_state *s)
{
	pid_t pid;
	int status;

	tty_restore(&s->tty);
	fputs("\r\nbootimg-menu: /bin/sh; exit it to come back\r\n", s->out);
	fflush(s->out);
	pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
	else
		fputs("bootimg-menu: cannot start /bin/sh\r\n", s->out);
	tty_raw(&s->tty, s->tty.fd);
}

/* Boot the selected entry with CMDLINE; after a failure, wait for a key. */
static int boot(struct menu_state *s, struct bootimg *ctx,
		const char *cmdline, int dry_run)
{
	const struct menu_entry *e = &s->list->v[s->selected];
	int code;

	tty_restore(&s->tty);
	fputs("\r\nbootimg-menu: booting ", s->out);
	put_escaped(s->out, e->title);
	fputs("\n", s->out);
	fflush(s->out);
	code = boot_entry(ctx, e, cmdline, dry_run);
	tty_raw(&s->tty, s->tty.fd);
	if (code == MENU_EXIT_OK)
		return code;
	s->failed = code;
	fputs("Press a key to return to the menu.\r\n", s->out);
	fflush(s->out);
	return tty_key(&s->tty, -1) == KEY_EOF ? code : -1;
}

/* The key K chose; a number typed so far in *TYPED.  -1: go on. */
static int handle_key(struct menu_state *s, struct bootimg *ctx, int k,
		      long *typed, int dry_run)
{
	const struct menu_entry *e = &s->list->v[s->selected];
	long n = (long)s->list->n;
	char *edited;
	int code;

	if (k >= '0' && k <= '9') {
		*typed = *typed * 10 + (k - '0');
		if (*typed >= n)
			*typed = k - '0';
		if (*typed < n)
			s->selected = *typed;
		return -1;
	}
	*typed = 0;
	switch (k) {
	case KEY_UP: case 'k':
		s->selected = (s->selected + n - 1) % n;
		return -1;
	case KEY_DOWN: case 'j':
		s->selected = (s->selected + 1) % n;
		return -1;
	case KEY_ENTER:
		return boot(s, ctx, e->cmdline, dry_run);
	case 'e':
		edited = line_edit(&s->tty, s->out, "cmdline: ", e->cmdline);
		if (!edited)
			return -1;
		code = boot(s, ctx, edited, dry_run);
		free(edited);
		return code;
	case 's':
		run_shell(s);
		return -1;
	case 'q':
		return MENU_EXIT_FAILED;
	case KEY_EOF:	/* no one to choose: the last failure, if any */
		return s->failed ? s->failed : MENU_EXIT_FAILED;
	}
	return -1;
}

int menu_run(FILE *in, FILE *out, struct bootimg *ctx,
	     const struct menu_list *list, long selected, int timeout,
	     int dry_run)
{
	struct menu_state s = {
		.out = out, .list = list, .selected = selected,
		.countdown = timeout,
	};
	long typed = 0;
	int code = -1, k;

	if (timeout == 0) {	/* at once, and the menu only if it fails */
		code = boot_entry(ctx, &list->v[selected],
				  list->v[selected].cmdline, dry_run);
		if (code == MENU_EXIT_OK)
			return code;
		s.failed = code;
		s.countdown = -1;
		code = -1;
	}
	tty_raw(&s.tty, fileno(in));
	while (code < 0) {
		draw(&s);
		k = tty_key(&s.tty, s.countdown > 0 ? 1000 : -1);
		if (k == KEY_NONE && s.countdown > 0 && --s.countdown == 0)
			k = KEY_ENTER;
		else if (k == KEY_NONE || (k == KEY_EOF && s.countdown > 0))
			continue;	/* the countdown goes on */
		else
			s.countdown = -1;
		code = handle_key(&s, ctx, k, &typed, dry_run);
	}
	tty_restore(&s.tty);
	return code;
}
