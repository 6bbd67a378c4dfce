// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * With BOOTIMG_PURGATORY_F_RELOCATE (fast boot's KASLR), after the
 * checksums: apply the kernel's relocation table in its new memory, as
 * its decompressor would have.  Parameters that fail their own checksum,
 * or a place outside the image, reset the machine as a corrupt segment
 * does: the kernel is never entered half-relocated.
 */
#include "checksum64.h"
#include "purgatory-abi.h"
#include "reset.h"
#include "serial.h"
#include "x86-relocs-apply.h"

void purgatory_relocate(const struct bootimg_purgatory_header *hdr);

static void __attribute__((noreturn)) refuse(const char *why)
{
	serial_init();
	serial_puts("bootimg purgatory: relocation ");
	serial_puts(why);
	serial_puts(", not booting; resetting\n");
	serial_flush();
	machine_reset();
}

void purgatory_relocate(const struct bootimg_purgatory_header *hdr)
{
	const struct bootimg_purgatory_relocs *r = &hdr->relocs;

	if (!(hdr->flags & BOOTIMG_PURGATORY_F_RELOCATE))
		return;
	if (bi_checksum64(r, offsetof(struct bootimg_purgatory_relocs,
				      checksum)) != r->checksum)
		refuse("parameters are corrupt");
	if (bi_x86_relocs_apply(r, (const void *)(uintptr_t)r->table,
				(void *)(uintptr_t)r->image) < 0)
		refuse("table points outside the kernel");
}
