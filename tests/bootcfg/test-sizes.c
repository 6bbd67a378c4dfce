// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libbootcfg's extensible structs (bootcfg.h): an older caller's
 * smaller struct is read and filled no further than its size, a newer
 * caller's larger one is taken when its unknown fields are zero (else
 * -E2BIG), and a size below the first version's is -EINVAL.  The first
 * version's is the smallest there is: it stands for the older caller.
 */
#include <errno.h>
#include <string.h>
#include "bootcfg.h"
#include "../unit/tap.h"

static const char text[] = "LABEL linux\n KERNEL /vmlinuz\n";

/* bootcfg_parse_buffer() with OPTIONS: its return, one entry on success. */
static int parse(const struct bootcfg_options *options)
{
	struct bootcfg *cfg;
	int err = bootcfg_parse_buffer("syslinux", text, strlen(text), "t",
				       options, &cfg, NULL);

	if (err == 0) {
		CHECK_EQ(bootcfg_count(cfg), 1);
		bootcfg_free(cfg);
	} else {
		CHECK(cfg == NULL);
	}
	return err;
}

static void test_options(void)
{
	/* A caller of the first version, whatever lies past its struct. */
	struct {
		struct bootcfg_options o;
		unsigned char after[32];
	} older;
	/* A caller of a later version, with a field this one lacks. */
	struct {
		struct bootcfg_options o;
		const char *later;
	} newer = { .o.size = sizeof(newer) };
	struct bootcfg_options none = { .size = 0 };
	struct bootcfg_options short_one = { .size = sizeof(size_t) };
	struct bootcfg_options current = { .size = sizeof(current) };
	struct bootcfg *cfg = NULL;

	memset(&older, 0xff, sizeof(older));
	older.o = (struct bootcfg_options){ .size = sizeof(older.o) };
	CHECK_EQ(parse(&older.o), 0);
	CHECK_EQ(parse(&current), 0);
	CHECK_EQ(parse(NULL), 0);
	CHECK_EQ(parse(&newer.o), 0);
	newer.later = "set";
	CHECK_EQ(parse(&newer.o), -E2BIG);
	CHECK_EQ(bootcfg_load(&newer.o, &cfg, NULL), -E2BIG);
	CHECK(cfg == NULL);
	CHECK_EQ(parse(&none), -EINVAL);
	CHECK_EQ(parse(&short_one), -EINVAL);
	CHECK_EQ(bootcfg_load(&none, &cfg, NULL), -EINVAL);
	CHECK(cfg == NULL);
}

/* The calls that read the boot loader's state check the size too. */
static void test_state_calls(void)
{
	struct bootcfg_options none = { .size = 0 };
	struct bootcfg_options current = { .size = sizeof(current) };
	const struct bootcfg_entry *entry = NULL;
	struct bootcfg_error error = { .size = sizeof(error) };
	struct bootcfg *cfg;

	if (bootcfg_parse_buffer("syslinux", text, strlen(text), "t", NULL,
				 &cfg, NULL) < 0) {
		CHECK(!"the configuration parses");
		return;
	}
	CHECK_EQ(bootcfg_find_alias(&none, cfg, NULL, &entry, &error),
		 -EINVAL);
	CHECK(entry == NULL);
	bootcfg_error_clear(&error);
	CHECK_EQ(bootcfg_consume_next_entry(&none, cfg, &error), -EINVAL);
	bootcfg_error_clear(&error);
	CHECK_EQ(bootcfg_consume_next_entry(&current, cfg, &error), 0);
	CHECK(error.file == NULL && error.cause == NULL);
	CHECK_EQ(bootcfg_find_alias(&current, cfg, "@none", &entry, &error),
		 -EINVAL);
	CHECK(error.cause && strstr(error.cause, "@default, @oneshot"));
	bootcfg_error_clear(&error);
	bootcfg_free(cfg);
}

/* A malformed configuration: its error, as large as the caller's. */
static int fail(struct bootcfg_error *error)
{
	static const char bad[] = "DEFAULT linux\nLABEL linux\n KERNEL\n";
	struct bootcfg *cfg;

	return bootcfg_parse_buffer("syslinux", bad, strlen(bad), "bad.cfg",
				    NULL, &cfg, error);
}

static void test_error(void)
{
	/* A caller of the first version, whatever lies past its struct. */
	struct {
		struct bootcfg_error e;
		unsigned char after[32];
	} older;
	/* A caller of a later version: the library fills only its part. */
	struct {
		struct bootcfg_error e;
		const char *later;
	} newer = { .e.size = sizeof(newer), .later = "kept" };
	struct bootcfg_error none = { .size = 0 };
	struct bootcfg_options short_one = { .size = sizeof(size_t) };
	struct bootcfg_error error = { .size = sizeof(error) };
	struct bootcfg *cfg = NULL;
	size_t i;
	int tail_kept = 1;

	memset(&older, 0xee, sizeof(older));
	older.e = (struct bootcfg_error){ .size = sizeof(older.e) };
	CHECK_EQ(fail(&older.e), -EBADMSG);
	CHECK_EQ(older.e.size, sizeof(older.e));
	CHECK(older.e.file && !strcmp(older.e.file, "bad.cfg"));
	CHECK_EQ(older.e.line, 3);
	CHECK(older.e.cause && *older.e.cause);
	for (i = 0; i < sizeof(older.after); i++)
		tail_kept &= older.after[i] == 0xee;
	CHECK(tail_kept);
	bootcfg_error_clear(&older.e);
	CHECK(!older.e.file && !older.e.cause && !older.e.line);
	CHECK_EQ(older.e.size, sizeof(older.e));
	bootcfg_error_clear(&older.e);	/* twice is harmless */

	CHECK_EQ(fail(&newer.e), -EBADMSG);
	CHECK_EQ(newer.e.size, sizeof(newer.e));
	CHECK(newer.e.file && !strcmp(newer.e.file, "bad.cfg"));
	CHECK(newer.later && !strcmp(newer.later, "kept"));
	bootcfg_error_clear(&newer.e);

	/* Too small to fill: -EINVAL before anything, the struct alone. */
	CHECK_EQ(fail(&none), -EINVAL);
	CHECK(none.size == 0 && !none.file && !none.cause);
	CHECK_EQ(bootcfg_load(NULL, &cfg, &none), -EINVAL);
	CHECK(cfg == NULL);
	bootcfg_error_clear(&none);	/* does nothing */
	bootcfg_error_clear(NULL);

	/* A refused size of the options is explained. */
	CHECK_EQ(bootcfg_load(&short_one, &cfg, &error), -EINVAL);
	CHECK(error.file && !*error.file && !error.line);
	CHECK(error.cause && strstr(error.cause, "struct bootcfg_options"));
	bootcfg_error_clear(&error);
}

int main(void)
{
	test_options();
	test_state_calls();
	test_error();
	return tap_done();
}
