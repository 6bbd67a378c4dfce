// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Check every segment against the digest libbootimg computed at load
 * time, so that a kernel or initrd damaged in memory between load and
 * exec is never entered.
 */
#include "purgatory-abi.h"
#include "serial.h"
#include "sha256.h"

void purgatory_verify(const struct bootimg_purgatory_header *hdr);

static int same_digest(const uint8_t *a, const uint8_t *b)
{
	uint8_t diff = 0;
	int i;

	for (i = 0; i < 32; i++)
		diff |= a[i] ^ b[i];
	return diff == 0;
}

static void __attribute__((noreturn)) stop(void)
{
	for (;;)
		__asm__ volatile("cli; hlt");
}

void purgatory_verify(const struct bootimg_purgatory_header *hdr)
{
	uint32_t i;

	if (hdr->flags & BOOTIMG_PURGATORY_F_NO_VERIFY)
		return;
	for (i = 0; i < hdr->nr_regions && i < BOOTIMG_PURGATORY_MAX_REGIONS;
	     i++) {
		const struct bootimg_purgatory_region *r = &hdr->regions[i];
		uint8_t digest[32];

		bi_sha256((const void *)(uintptr_t)r->start, r->len, digest);
		if (same_digest(digest, r->sha256))
			continue;
		serial_init();
		serial_puts("bootimg purgatory: segment ");
		serial_put_dec(i);
		serial_puts(" at ");
		serial_put_hex(r->start);
		serial_puts("+");
		serial_put_hex(r->len);
		serial_puts(" is corrupt, not booting\n");
		stop();
	}
}
