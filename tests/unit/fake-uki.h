/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Small unified kernel images (PE files with named sections) for tests. */
#ifndef BOOTIMG_TESTS_FAKE_UKI_H
#define BOOTIMG_TESTS_FAKE_UKI_H

#include <stddef.h>
#include <stdint.h>

#define FAKE_PE_AT 0x80		/* e_lfanew: where "PE\0\0" starts */
#define FAKE_PE_OPTIONAL_SIZE 0xf0	/* as a PE32+ optional header */
#define FAKE_PE_ALIGN 0x200	/* file alignment of section data */
/* The header of section I in the section table. */
#define FAKE_PE_SECTION_AT(i) \
	(FAKE_PE_AT + 4 + 20 + FAKE_PE_OPTIONAL_SIZE + 40 * (i))

struct fake_section {
	const char *name;	/* up to 8 bytes */
	const void *data;
	size_t size;
};

/*
 * A PE file holding SECTIONS in that order, each padded to FAKE_PE_ALIGN
 * with VirtualSize the unpadded size, in a malloc'd buffer (*SIZE bytes).
 */
uint8_t *fake_pe(const struct fake_section *sections, size_t n, size_t *size);

/* A UKI: .osrel, .cmdline (if CMDLINE), .initrd (if INITRD_SIZE) and
 * .linux holding fake_bzimage(). */
uint8_t *fake_uki(const char *cmdline, const void *initrd, size_t initrd_size,
		  size_t *size);

#endif
