// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * With BOOTIMG_PURGATORY_F_BREADCRUMB (bootimg --debug), one line on the
 * serial port just before the jump: when a machine hangs after the
 * handoff, it tells whether the new kernel was entered at all.
 */
#include "purgatory-abi.h"
#include "serial.h"

void purgatory_breadcrumb(const struct bootimg_purgatory_header *hdr);

void purgatory_breadcrumb(const struct bootimg_purgatory_header *hdr)
{
	if (!(hdr->flags & BOOTIMG_PURGATORY_F_BREADCRUMB))
		return;
	serial_init();
	serial_puts(hdr->flags & BOOTIMG_PURGATORY_F_NO_VERIFY ?
		    "bootimg purgatory: checksums skipped, entering " :
		    "bootimg purgatory: checksums ok, entering ");
	serial_puts(hdr->flags & BOOTIMG_PURGATORY_F_ENTRY32 ? "32" : "64");
	serial_puts("-bit kernel at ");
	serial_put_hex(hdr->entry);
	serial_puts("\n");
	serial_flush();
}
