// SPDX-License-Identifier: GPL-2.0-or-later
/* The string buffer: appends, words, take, and the remembered failure. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "strbuf.h"
#include "tap.h"

static void appends_and_take(void)
{
	struct strbuf b = { 0 };
	char *s;

	strbuf_add(&b, "vmlinuz");
	strbuf_addc(&b, '-');
	strbuf_addn(&b, "6.1.0-junk", 5);
	CHECK_EQ(b.len, 13);
	CHECK(strcmp(b.s, "vmlinuz-6.1.0") == 0);
	s = strbuf_take(&b);
	CHECK(s && strcmp(s, "vmlinuz-6.1.0") == 0);
	CHECK(!b.s && !b.len && !b.cap && !b.failed);
	free(s);
}

static void empty_take_is_empty_string(void)
{
	struct strbuf b = { 0 };
	char *s = strbuf_take(&b);

	CHECK(s && !*s);
	free(s);
}

static void words_are_spaced(void)
{
	struct strbuf b = { 0 };
	char *s;

	strbuf_add_word(&b, "");
	strbuf_add_word(&b, "root=/dev/sda1");
	strbuf_add_word(&b, "");
	strbuf_add_word(&b, "quiet");
	s = strbuf_take(&b);
	CHECK(s && strcmp(s, "root=/dev/sda1 quiet") == 0);
	free(s);
}

static void long_strings_grow(void)
{
	struct strbuf b = { 0 };
	size_t i;
	int ok = 1;
	char *s;

	for (i = 0; i < 100000; i++)
		strbuf_addc(&b, (char)('a' + i % 26));
	s = strbuf_take(&b);
	CHECK(s && strlen(s) == 100000);
	for (i = 0; s && i < 100000; i++)
		ok &= s[i] == (char)('a' + i % 26);
	CHECK(ok);
	free(s);
}

static void failure_is_remembered(void)
{
	struct strbuf b = { 0 };

	strbuf_add(&b, "kept");
	CHECK_EQ(strbuf_reserve(&b, SIZE_MAX - 2), -ENOMEM);
	CHECK(b.failed);
	CHECK_EQ(strbuf_reserve(&b, 1), -ENOMEM);
	strbuf_add(&b, "more");
	CHECK_EQ(b.len, 4);
	CHECK(strbuf_take(&b) == NULL);
	CHECK(!b.s && !b.failed);

	strbuf_add(&b, "x");
	CHECK_EQ(strbuf_reserve(&b, PTRDIFF_MAX), -ENOMEM);
	CHECK(strbuf_take(&b) == NULL);
}

static void reserve_gives_room_to_read_into(void)
{
	struct strbuf b = { 0 };

	CHECK_EQ(strbuf_reserve(&b, 4096), 0);
	CHECK(b.cap >= 4097);
	memset(b.s, 'x', 4096);
	b.len = 4096;
	b.s[b.len] = '\0';
	CHECK_EQ(strlen(b.s), 4096);
	free(strbuf_take(&b));
}

int main(void)
{
	appends_and_take();
	empty_take_is_empty_string();
	words_are_spaced();
	long_strings_grow();
	failure_is_remembered();
	reserve_gives_room_to_read_into();
	return tap_done();
}
