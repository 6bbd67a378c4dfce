// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer: a unified kernel image's PE section table and its .osrel,
 * .cmdline and .uname sections (libbootcfg's uki_parse(), which reads
 * BLS Type #2 entries).
 */
#include <stdlib.h>
#include "fuzz.h"
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bc_error error = { .line = 0 };
	struct bc_parse p = {
		.error = &error, .root = "", .boot_dir = "/boot",
		.path = "/boot/EFI/Linux/fuzz.efi",
	};
	struct bls_list list = { .v = calloc(1, sizeof(*list.v)), .n = 1 };
	int err;

	if (!list.v)
		return 0;
	err = uki_parse(&p, p.path, data, size, &list.v[0]);
	if (err == -EBADMSG && !error.cause[0])
		abort();
	bls_list_free(&list);
	return 0;
}
