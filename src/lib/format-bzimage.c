// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bzImage: the x86 boot protocol's image (Documentation/arch/x86/boot.rst).
 * The real-mode setup code comes first, (setup_sects + 1) sectors with the
 * setup header at 0x1f1; the protected-mode kernel follows it.
 */
#include <asm/bootparam.h>
#include <string.h>
#include "format.h"
#include "internal.h"

#define SECTOR 512u
#define HEADER_OFFSET 0x1f1u
#define HEADER_MAGIC 0x53726448u	/* "HdrS" */
#define BOOT_FLAG 0xaa55u
#define MIN_PROTOCOL 0x0206u		/* cmdline_size, 2.06 (Linux 2.6.22) */

/* The header ends where the byte at 0x201 says: 0x202 + that byte. */
static size_t header_size(const uint8_t *data)
{
	size_t end = 0x202u + data[0x201];
	size_t size = end - HEADER_OFFSET;

	return size < sizeof(struct setup_header) ? size
						  : sizeof(struct setup_header);
}

static void copy_version(const struct bi_file *file, size_t setup_end,
			 uint16_t offset, char *out, size_t out_size)
{
	size_t start = 0x200u + offset, i;

	out[0] = '\0';
	if (offset == 0 || start >= setup_end)
		return;
	for (i = 0; i + 1 < out_size && start + i < setup_end; i++) {
		char c = (char)file->data[start + i];

		if (c == '\0')
			break;
		out[i] = c;
	}
	out[i] = '\0';
}

/* The setup header of a bzImage in DATA, or -ENOEXEC. */
static int read_header(const uint8_t *data, size_t size,
		       struct setup_header *hdr)
{
	if (size < HEADER_OFFSET + sizeof(*hdr))	/* EFI stub: "MZ" */
		return size >= 2 && data[0] == 'M' && data[1] == 'Z' ?
		       -EBADMSG : -ENOEXEC;
	memcpy(hdr, data + HEADER_OFFSET, sizeof(*hdr));
	if (hdr->header != HEADER_MAGIC || hdr->boot_flag != BOOT_FLAG)
		return -ENOEXEC;
	if (hdr->version < MIN_PROTOCOL || !(hdr->loadflags & LOADED_HIGH))
		return -ENOEXEC;	/* zImage or a kernel older than 2.6.22 */
	return 0;
}

/* Where the setup code ends and the protected-mode kernel starts. */
static size_t setup_end_of(const struct setup_header *hdr)
{
	return ((size_t)(hdr->setup_sects ? hdr->setup_sects : 4) + 1) *
	       SECTOR;
}

static int bzimage_declared_size(const uint8_t *data, size_t size,
				 uint64_t *bytes)
{
	struct setup_header hdr;
	int err = read_header(data, size, &hdr);

	if (err == 0)
		*bytes = setup_end_of(&hdr) + (uint64_t)hdr.syssize * 16;
	return err;
}

static int bzimage_probe(const struct bi_file *file, struct bi_kernel *kernel)
{
	struct setup_header hdr;
	struct bootimg_info *info = &kernel->info;
	size_t setup_end, payload;
	int err = read_header(file->data, file->size, &hdr);

	if (err < 0)
		return err;
	setup_end = setup_end_of(&hdr);
	payload = (size_t)hdr.syssize * 16;
	if (payload == 0 || setup_end + payload > file->size)
		return -EBADMSG;

	memset(kernel, 0, sizeof(*kernel));
	info->format = bi_format_bzimage.name;
	copy_version(file, setup_end, hdr.kernel_version, kernel->version,
		     sizeof(kernel->version));
	info->protocol = hdr.version;
	info->file_size = file->size;
	info->payload_size = payload;
	info->init_size = hdr.version >= 0x020a ? hdr.init_size : payload * 4;
	info->pref_address = hdr.version >= 0x020a ? hdr.pref_address
						   : 0x100000;
	info->kernel_alignment = hdr.kernel_alignment;
	info->cmdline_size = hdr.cmdline_size;
	info->initrd_addr_max = hdr.initrd_addr_max;
	info->xloadflags = hdr.version >= 0x020c ? hdr.xloadflags : 0;
	info->loadflags = hdr.loadflags;
	info->relocatable = !!hdr.relocatable_kernel;
	info->entry64 = !!(info->xloadflags & XLF_KERNEL_64);
	info->initrd_above_4g =
		!!(info->xloadflags & XLF_CAN_BE_LOADED_ABOVE_4G);
	if (info->init_size < payload)
		return -EBADMSG;
	if (info->relocatable && (info->kernel_alignment == 0 ||
	    (info->kernel_alignment & (info->kernel_alignment - 1))))
		return -EBADMSG;

	kernel->payload = file->data + setup_end;
	kernel->payload_size = payload;
	kernel->setup_header = file->data + HEADER_OFFSET;
	kernel->setup_header_size = header_size(file->data);
	kernel->entry64_offset = 0x200;
	kernel->image = *file;
	kernel->file_loadable = 1;
	return 0;
}

const struct bi_format bi_format_bzimage = {
	.name = "bzImage",
	.probe = bzimage_probe,
	.declared_size = bzimage_declared_size,
};
