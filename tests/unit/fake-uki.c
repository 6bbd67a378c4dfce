// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "fake-bzimage.h"
#include "fake-uki.h"

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)v);
	put16(p + 2, (uint16_t)(v >> 16));
}

static size_t align_up(size_t v)
{
	return (v + FAKE_PE_ALIGN - 1) / FAKE_PE_ALIGN * FAKE_PE_ALIGN;
}

uint8_t *fake_pe(const struct fake_section *sections, size_t n, size_t *size)
{
	size_t i, at = align_up(FAKE_PE_SECTION_AT(n)), total = at;
	uint8_t *pe, *buf;

	for (i = 0; i < n; i++)
		total += align_up(sections[i].size);
	buf = calloc(1, total);
	if (!buf)
		abort();
	buf[0] = 'M';
	buf[1] = 'Z';
	put32(buf + 0x3c, FAKE_PE_AT);
	pe = buf + FAKE_PE_AT;
	memcpy(pe, "PE\0\0", 4);
	put16(pe + 4, 0x8664);			/* Machine: x86_64 */
	put16(pe + 6, (uint16_t)n);		/* NumberOfSections */
	put16(pe + 20, FAKE_PE_OPTIONAL_SIZE);	/* SizeOfOptionalHeader */
	put16(pe + 24, 0x20b);			/* PE32+ magic */
	for (i = 0; i < n; i++) {
		uint8_t *s = buf + FAKE_PE_SECTION_AT(i);
		size_t raw = align_up(sections[i].size);

		memcpy(s, sections[i].name, strnlen(sections[i].name, 8));
		put32(s + 8, (uint32_t)sections[i].size);   /* VirtualSize */
		put32(s + 12, (uint32_t)(0x10000 * (i + 1))); /* VirtualAddress */
		put32(s + 16, (uint32_t)raw);		/* SizeOfRawData */
		put32(s + 20, (uint32_t)at);		/* PointerToRawData */
		memcpy(buf + at, sections[i].data, sections[i].size);
		at += raw;
	}
	*size = total;
	return buf;
}

uint8_t *fake_uki(const char *cmdline, const void *initrd, size_t initrd_size,
		  size_t *size)
{
	static const char osrel[] = "ID=bootimg-test\nPRETTY_NAME=\"Test\"\n";
	struct fake_section s[4];
	size_t n = 0, kernel_size = fake_bzimage_size();
	uint8_t *kernel = malloc(kernel_size), *uki;

	if (!kernel)
		abort();
	fake_bzimage(kernel);
	s[n++] = (struct fake_section){ ".osrel", osrel, sizeof(osrel) - 1 };
	if (cmdline)
		s[n++] = (struct fake_section){ ".cmdline", cmdline,
						strlen(cmdline) + 1 };
	if (initrd_size)
		s[n++] = (struct fake_section){ ".initrd", initrd,
						initrd_size };
	s[n++] = (struct fake_section){ ".linux", kernel, kernel_size };
	uki = fake_pe(s, n, size);
	free(kernel);
	return uki;
}
