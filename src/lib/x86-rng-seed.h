/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The SETUP_RNG_SEED setup_data: random bytes the next kernel mixes into
 * its pool and credits (random.trust_bootloader, on by default) in
 * setup_arch(), then wipes, so that its crng is ready at once instead of
 * after it has gathered entropy of its own.  The kernel's kexec_file_load
 * adds one the same way (32 bytes, to normal and crash kernels alike).
 */
#ifndef BOOTIMG_X86_RNG_SEED_H
#define BOOTIMG_X86_RNG_SEED_H

#include <asm/bootparam.h>
#include <stddef.h>
#include <stdint.h>

struct bootimg;

#define BI_RNG_SEED_SIZE 32

struct bi_x86_rng_seed {
	int present;
	uint8_t bytes[BI_RNG_SEED_SIZE];
};

/*
 * Draw the seed from getrandom(2), blocking until the running kernel's
 * crng is ready (at once on a booted system).  If that fails, the next
 * kernel goes without a seed, said on the log (-v): never a failed load.
 */
void bi_x86_rng_seed_read(struct bootimg *ctx, struct bi_x86_rng_seed *seed);

/* Wipe the seed's bytes. */
void bi_x86_rng_seed_clear(struct bi_x86_rng_seed *seed);

/* Bytes of its setup_data (0 without a seed). */
size_t bi_x86_rng_seed_size(const struct bi_x86_rng_seed *seed);

/*
 * Write the setup_data to AT (8-byte aligned, at physical address ADDR)
 * and link it into BP's chain.
 */
void bi_x86_rng_seed_fill(const struct bi_x86_rng_seed *seed,
			  struct boot_params *bp, uint8_t *at, uint64_t addr);

#endif
