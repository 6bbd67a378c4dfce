// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The SETUP_RNG_SEED setup_data of the boot_params bootimg builds.  The
 * seed is drawn when the kernel is loaded: for a crash kernel that can be
 * long before it boots, as with the kernel's own kexec_file_load.  It
 * stays secret while the staged segments do, and it is used at most once:
 * a crash kernel boots once per load, and the kernel wipes the seed once
 * it has read it.
 */
#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <syslog.h>
#include "internal.h"
#include "x86-rng-seed.h"

void bi_x86_rng_seed_read(struct bootimg *ctx, struct bi_x86_rng_seed *seed)
{
	ssize_t got;

	do
		got = getrandom(seed->bytes, sizeof(seed->bytes), 0);
	while (got < 0 && errno == EINTR);
	seed->present = got == (ssize_t)sizeof(seed->bytes);
	if (!seed->present)
		bi_log(ctx, LOG_INFO, "no RNG seed for the new kernel: "
		       "getrandom: %s", got < 0 ? strerror(errno) :
					       "short read");
}

void bi_x86_rng_seed_clear(struct bi_x86_rng_seed *seed)
{
	explicit_bzero(seed->bytes, sizeof(seed->bytes));
	seed->present = 0;
}

size_t bi_x86_rng_seed_size(const struct bi_x86_rng_seed *seed)
{
	return seed->present ? sizeof(struct setup_data) + sizeof(seed->bytes)
			     : 0;
}

void bi_x86_rng_seed_fill(const struct bi_x86_rng_seed *seed,
			  struct boot_params *bp, uint8_t *at, uint64_t addr)
{
	struct setup_data node = {
		.next = bp->hdr.setup_data,
		.type = SETUP_RNG_SEED,
		.len = sizeof(seed->bytes),
	};

	if (!seed->present)
		return;
	memcpy(at, &node, sizeof(node));
	memcpy(at + sizeof(node), seed->bytes, sizeof(seed->bytes));
	bp->hdr.setup_data = addr;
}
