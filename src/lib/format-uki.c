// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unified kernel image (UKI, Boot Loader Specification Type #2): a PE/COFF
 * EFI program whose sections carry the kernel (.linux), an initrd
 * (.initrd), the command line (.cmdline) and os-release (.osrel).  The
 * .linux section is probed again as a kernel; the .initrd goes before any
 * initrd of the request, and .cmdline is the command line when the
 * request gives none.
 */
#include <string.h>
#include "format.h"
#include "internal.h"

#define PE_OFFSET_AT 0x3c
#define COFF_SIZE 20
#define SECTION_SIZE 40

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/*
 * The section table of a PE file: -ENOEXEC if DATA is not one, -EBADMSG
 * if its PE header or section table lies outside the file.
 */
static int section_table(const uint8_t *data, size_t size,
			 const uint8_t **table, size_t *count)
{
	size_t pe, start;

	if (size < PE_OFFSET_AT + 4 || data[0] != 'M' || data[1] != 'Z')
		return -ENOEXEC;
	pe = le32(data + PE_OFFSET_AT);
	if (size < 4 + COFF_SIZE || pe > size - 4 - COFF_SIZE)
		return -EBADMSG;
	if (memcmp(data + pe, "PE\0\0", 4) != 0)
		return -ENOEXEC;	/* an MS-DOS program */
	*count = le16(data + pe + 6);
	start = pe + 4 + COFF_SIZE + le16(data + pe + 4 + 16);
	if (start > size || (size - start) / SECTION_SIZE < *count)
		return -EBADMSG;
	*table = data + start;
	return 0;
}

/* Section NAME's bytes, or NULL and size 0 if there is none. */
static int find_section(const uint8_t *data, size_t size, const char *name,
			struct bi_file *out)
{
	const uint8_t *table;
	size_t count, i, len = strlen(name);
	int err = section_table(data, size, &table, &count);

	out->data = NULL;
	out->size = 0;
	if (err < 0)
		return err;
	for (i = 0; i < count; i++) {
		const uint8_t *s = table + i * SECTION_SIZE;
		uint32_t vsize = le32(s + 8), raw = le32(s + 16);
		uint32_t at = le32(s + 20);

		if (memcmp(s, name, len) != 0 || (len < 8 && s[len] != '\0'))
			continue;
		/* Raw data is padded to the file alignment; VirtualSize
		 * is the content's own size. */
		if (vsize && vsize < raw)
			raw = vsize;
		if (at > size || raw > size - at)
			return -EBADMSG;
		out->data = data + at;
		out->size = raw;
		return 0;
	}
	return 0;
}

/* The command line without the NULs and white space it may end with. */
static size_t trimmed(const uint8_t *text, size_t size)
{
	while (size && (text[size - 1] == '\0' || text[size - 1] == '\n' ||
			text[size - 1] == ' '))
		size--;
	return size;
}

static int uki_probe(const struct bi_file *file, struct bi_kernel *kernel)
{
	struct bi_file image = { .path = file->path, .fd = -1 };
	struct bi_file initrd = { .path = file->path, .fd = -1 };
	struct bi_file cmdline;
	int err = find_section(file->data, file->size, ".linux", &image);

	if (err < 0)
		return err;
	if (!image.data)
		return -ENOEXEC;	/* a PE program, not a UKI */
	err = find_section(file->data, file->size, ".initrd", &initrd);
	if (err == 0)
		err = find_section(file->data, file->size, ".cmdline",
				   &cmdline);
	if (err < 0)
		return err;
	err = bi_probe_kernel(&image, kernel);
	if (err < 0)
		return err == -ENOEXEC ? -EBADMSG : err;
	kernel->image = image;
	kernel->initrd = initrd;
	kernel->cmdline = (const char *)cmdline.data;
	kernel->cmdline_len = cmdline.data ? trimmed(cmdline.data,
						     cmdline.size) : 0;
	kernel->info.container = "UKI";
	kernel->info.file_size = file->size;
	return 0;
}

const struct bi_format bi_format_uki = {
	.name = "UKI",
	.probe = uki_probe,
};
