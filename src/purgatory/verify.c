// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Check every segment against the checksum libbootimg computed at load
 * time (see checksum64.h for why a 64-bit checksum is enough), so that a
 * kernel or initrd damaged in memory between load and exec is never
 * entered: the machine resets instead, through its firmware.
 */
#include "purgatory-abi.h"
#include "reset.h"
#include "serial.h"
#include "checksum64.h"

void purgatory_verify(const struct bootimg_purgatory_header *hdr);

void purgatory_verify(const struct bootimg_purgatory_header *hdr)
{
	uint32_t i;

	if (hdr->flags & BOOTIMG_PURGATORY_F_NO_VERIFY)
		return;
	for (i = 0; i < hdr->nr_regions && i < BOOTIMG_PURGATORY_MAX_REGIONS;
	     i++) {
		const struct bootimg_purgatory_region *r = &hdr->regions[i];

		if (bi_checksum64((const void *)(uintptr_t)r->start, r->len) ==
		    r->checksum)
			continue;
		serial_init();
		serial_puts("bootimg purgatory: segment ");
		serial_put_dec(i);
		serial_puts(" at ");
		serial_put_hex(r->start);
		serial_puts("+");
		serial_put_hex(r->len);
		serial_puts(" is corrupt, not booting; resetting\n");
		serial_flush();
		machine_reset();	/* an unattended machine comes back */
	}
}
