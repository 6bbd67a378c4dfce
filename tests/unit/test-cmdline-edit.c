// SPDX-License-Identifier: GPL-2.0-or-later
/* bi_cmdline_edit(): --remove and --append on a command line's words. */
#include <stdlib.h>
#include <string.h>
#include "cmdline-edit.h"
#include "tap.h"

/* Edit BASE with REMOVE (NULL-terminated) and APPEND; compare to WANT. */
static void edit(const char *base, const char *const *remove,
		 const char *append, const char *want)
{
	struct bi_cmdline_edit e = { .remove = remove, .append = append };
	char *got = NULL;

	while (remove && remove[e.n_remove])
		e.n_remove++;
	CHECK(bi_cmdline_edit(base, strlen(base), &e, &got) == 0);
	tap_result(got && strcmp(got, want) == 0, want, __FILE__, __LINE__);
	if (got && strcmp(got, want) != 0)
		printf("# base '%s': got '%s'\n", base, got);
	free(got);
}

#define KEYS(...) ((const char *const[]){ __VA_ARGS__, NULL })

int main(void)
{
	/* nothing to do: words joined by one space */
	edit("", NULL, NULL, "");
	edit("  a \t b\n", NULL, NULL, "a b");
	edit("", NULL, "x=1", "x=1");
	edit("a", NULL, "", "a");

	/* --remove: every KEY and KEY=... word, and only those */
	edit("quiet root=/dev/sda quiet splash", KEYS("quiet"), NULL,
	     "root=/dev/sda splash");
	edit("console=tty0 console=ttyS0,115200 root=/dev/vda",
	     KEYS("console"), NULL, "root=/dev/vda");
	edit("foo=1 foobar=2 foo", KEYS("foo"), NULL, "foobar=2");
	edit("foo=1 foobar=2 fo=3", KEYS("foobar"), NULL, "foo=1 fo=3");
	edit("a=1 b=2 c=3", KEYS("a", "c"), NULL, "b=2");
	edit("foo= bar", KEYS("foo"), NULL, "bar");
	edit("nr-cpus=1 nr_cpus=2 x", KEYS("nr_cpus"), NULL, "x");
	edit("a.b-c=1 a.b_c=2 y", KEYS("a.b-c"), NULL, "y");
	edit("root=/dev/sda", KEYS("missing"), NULL, "root=/dev/sda");

	/* quotes: one word, whatever its blanks */
	edit("foo=\"a b\" bar", KEYS("foo"), NULL, "bar");
	edit("\"foo=a b\" bar", KEYS("foo"), NULL, "bar");
	edit("x=\"a  b\"  y", NULL, NULL, "x=\"a  b\" y");
	/* an open quote runs to the end, in the kernel too */
	edit("x=\"a b  c", KEYS("c"), "y=1", "x=\"a b  c y=1");
	edit("dm=\"a=b c\" d", KEYS("a"), NULL, "dm=\"a=b c\" d");

	/* --append: its words replace those of their keys, the last wins */
	edit("root=/dev/sda console=tty0 quiet", NULL, "console=ttyS0",
	     "root=/dev/sda quiet console=ttyS0");
	edit("quiet a=1", NULL, "quiet", "a=1 quiet");
	edit("foo=1 foobar=2", NULL, "foo=3", "foobar=2 foo=3");
	edit("foobar=2 foo=1", NULL, "foobar=3", "foo=1 foobar=3");
	edit("a=1 a=2 b", NULL, "a=3", "b a=3");
	edit("x=\"1 2\" y", NULL, "x=\"3 4\"", "y x=\"3 4\"");
	edit("foo=1", NULL, "foo=", "foo=");
	edit("nr-cpus=4", NULL, "nr_cpus=1", "nr_cpus=1");
	/* words of the append itself all stay: two console= are two consoles */
	edit("console=tty0", NULL, "console=tty1 console=ttyS0",
	     "console=tty1 console=ttyS0");
	/* removed, and appended again: the append's word stays */
	edit("quiet a", KEYS("quiet"), "quiet", "a quiet");

	/* "--": init's words after it are not the kernel's, never edited */
	edit("root=/dev/sda -- single quiet", KEYS("quiet"), NULL,
	     "root=/dev/sda -- single quiet");
	edit("root=/dev/sda -- single", NULL, "quiet",
	     "root=/dev/sda quiet -- single");
	edit("a -- b", NULL, "c -- d", "a c -- b d");
	edit("a=1 -- a=1", NULL, "a=2", "a=2 -- a=1");
	edit("a", NULL, "-- emergency", "a -- emergency");
	edit("a --", NULL, NULL, "a --");
	edit("a \"--\" b", KEYS("b"), NULL, "a \"--\"");	/* quoted: a word */
	edit("a -- b -- c", KEYS("c"), NULL, "a -- b -- c");
	return tap_done();
}
