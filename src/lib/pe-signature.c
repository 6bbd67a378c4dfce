// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Is a PE image (an EFI-stub bzImage, a UKI) signed?  Authenticode keeps
 * its signatures in the certificate table, data directory entry 4 of
 * the PE optional header; a non-empty entry means a signature is there.
 */
#include "facts.h"
#include "internal.h"

#define PE_MAGIC_32 0x10b
#define PE_MAGIC_64 0x20b
#define PE_CERT_TABLE 4		/* IMAGE_DIRECTORY_ENTRY_SECURITY */

static uint32_t le16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const uint8_t *p)
{
	return le16(p) | le16(p + 2) << 16;
}

int bi_pe_signed(const uint8_t *data, size_t size, const uint8_t **certs,
		 size_t *certs_size)
{
	size_t pe, opt, dirs, entry;
	uint32_t magic, offset, length;

	if (size < 0x40 || data[0] != 'M' || data[1] != 'Z')
		return 0;
	pe = le32(data + 0x3c);
	if (pe > size - 24 || le32(data + pe) != 0x00004550)	/* "PE\0\0" */
		return 0;
	opt = pe + 24;
	if (opt + 2 > size)
		return 0;
	magic = le16(data + opt);
	if (magic == PE_MAGIC_64)
		dirs = opt + 112;
	else if (magic == PE_MAGIC_32)
		dirs = opt + 96;
	else
		return 0;
	if (dirs > size || le32(data + dirs - 4) <= PE_CERT_TABLE)
		return 0;	/* NumberOfRvaAndSizes: no certificate entry */
	entry = dirs + 8 * PE_CERT_TABLE;
	if (entry + 8 > size || le16(data + pe + 20) < entry + 8 - opt)
		return 0;	/* past the file or the optional header */
	offset = le32(data + entry);	/* a file offset, not an RVA */
	length = le32(data + entry + 4);
	if (offset == 0 || length == 0 || offset > size ||
	    length > size - offset)
		return 0;
	*certs = data + offset;
	*certs_size = length;
	return 1;
}
