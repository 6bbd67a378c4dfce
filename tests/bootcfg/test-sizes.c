// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libbootcfg's extensible structs (bootcfg.h): an older caller's
 * smaller struct is read no further than its size, a newer caller's
 * larger one is taken when its unknown fields are zero (else -E2BIG),
 * and a size below the first version's is -EINVAL.
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
	struct bootcfg_error error;
	struct bootcfg *cfg;

	if (bootcfg_parse_buffer("syslinux", text, strlen(text), "t", NULL,
				 &cfg, NULL) < 0) {
		CHECK(!"the configuration parses");
		return;
	}
	CHECK_EQ(bootcfg_find_alias(&none, cfg, NULL, &entry, &error),
		 -EINVAL);
	CHECK(entry == NULL);
	CHECK_EQ(bootcfg_consume_next_entry(&none, cfg, &error), -EINVAL);
	CHECK_EQ(bootcfg_consume_next_entry(&current, cfg, &error), 0);
	bootcfg_free(cfg);
}

int main(void)
{
	test_options();
	test_state_calls();
	return tap_done();
}
