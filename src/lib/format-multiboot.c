// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Multiboot (version 1) kernels: Xen, and other kernels a boot loader
 * loads at fixed addresses and enters in 32-bit protected mode with a
 * multiboot information structure (x86-multiboot.c).  The header lies
 * 4-byte aligned in the file's first 8 KiB:
 *   magic, flags, checksum (the three sum to zero), then, if flags bit 16
 *   is set, header_addr, load_addr, load_end_addr, bss_end_addr and
 *   entry_addr: where the file goes (the "a.out kludge"); without bit 16
 *   the kernel is a 32-bit ELF program, loaded by its program headers.
 * Flag bits 0-15 are requirements: bit 0 (modules page-aligned) and
 * bit 1 (memory information) are met, bit 2 (a video mode) and the
 * others are not, so such a kernel is refused.
 */
#include <string.h>
#include "format.h"
#include "internal.h"
#include "plan.h"

#define MB_MAGIC 0x1badb002u
#define MB_SEARCH 8192u
#define MB_HEADER_SIZE 32u		/* up to entry_addr */
#define MB_MET_REQUIREMENTS 0x3u	/* bits 0 and 1 */
#define MB_ADDRESS_FIELDS (1u << 16)
#define MB_CMDLINE_SIZE 4095u		/* a page, less the NUL */

struct mb_header {
	uint32_t magic, flags, checksum;
	uint32_t header_addr, load_addr, load_end_addr, bss_end_addr;
	uint32_t entry_addr;
};

/* The header's offset in the file, or -ENOEXEC. */
static long find_header(const uint8_t *data, size_t size)
{
	size_t end = size < MB_SEARCH ? size : MB_SEARCH;
	size_t at;

	for (at = 0; at + 12 <= end; at += 4) {
		uint32_t w[3];

		memcpy(w, data + at, sizeof(w));
		if (w[0] == MB_MAGIC && (uint32_t)(w[0] + w[1] + w[2]) == 0)
			return (long)at;
	}
	return -ENOEXEC;
}

/* Load the file by the header's address fields. */
static int parse_addresses(const struct mb_header *h, size_t at,
			   const uint8_t *data, size_t size,
			   struct bi_kernel *k)
{
	uint64_t offset, load_end, mem_end;
	struct bi_load_segment *s = &k->segments[0];

	if (at + MB_HEADER_SIZE > size || at + MB_HEADER_SIZE > MB_SEARCH ||
	    h->load_addr > h->header_addr ||
	    h->header_addr - h->load_addr > at)
		return -EBADMSG;
	offset = at - (h->header_addr - h->load_addr);
	load_end = h->load_end_addr ? h->load_end_addr
				    : h->load_addr + (size - offset);
	if (load_end <= h->load_addr || load_end - h->load_addr > size - offset)
		return -EBADMSG;
	mem_end = h->bss_end_addr ? h->bss_end_addr : load_end;
	/* bss before the end, or past 4 GiB */
	if (mem_end < load_end || mem_end > 1ull << 32)
		return bi_cause(BOOTIMG_CAUSE_SEGMENT_RANGE);
	if (h->entry_addr < h->load_addr || h->entry_addr >= load_end)
		return -EBADMSG;
	*s = (struct bi_load_segment){
		.buf = data + offset, .bufsz = load_end - h->load_addr,
		.mem = h->load_addr, .memsz = mem_end - h->load_addr,
	};
	k->n_segments = 1;
	k->entry = h->entry_addr;
	k->info.format = "multiboot (a.out kludge)";
	k->info.payload_size = s->bufsz;
	k->info.init_size = s->memsz;
	k->info.pref_address = s->mem;
	return 0;
}

/* Load the file as a 32-bit ELF program (below 4 GiB, as ELF32 is). */
static int parse_elf(const uint8_t *data, size_t size, struct bi_kernel *k)
{
	int err = bi_elf_parse(data, size, k);

	/* no address fields: ELF32 only */
	if (err == -ENOEXEC || (err == 0 && k->info.entry64))
		return bi_cause(BOOTIMG_CAUSE_MULTIBOOT_NEEDS);
	if (err < 0)
		return err;
	/* Not the Linux boot protocol: drop what describes it. */
	k->info = (struct bootimg_info){
		.format = "multiboot (ELF)",
		.payload_size = k->info.payload_size,
		.init_size = k->info.init_size,
		.pref_address = k->info.pref_address,
	};
	k->setup_header_size = 0;
	return 0;
}

/*
 * With address fields and load_end_addr, the file ends where the loaded
 * part does; otherwise the ELF form's headers tell, or nothing does.
 */
static int multiboot_declared_size(const uint8_t *data, size_t size,
				   uint64_t *bytes)
{
	long at = find_header(data, size);
	struct mb_header h = { 0 };

	if (at < 0 || size - (size_t)at < sizeof(h))
		return -ENOEXEC;
	memcpy(&h, data + at, sizeof(h));
	if (!(h.flags & MB_ADDRESS_FIELDS))
		return -ENOEXEC;	/* ELF: bi_format_elf's headers */
	*bytes = 0;
	if (h.load_end_addr > h.load_addr && h.header_addr >= h.load_addr &&
	    h.header_addr - h.load_addr <= (uint64_t)at)
		*bytes = (uint64_t)at - (h.header_addr - h.load_addr) +
			 (h.load_end_addr - h.load_addr);
	return 0;
}

static int multiboot_probe(const struct bi_file *file,
			   struct bi_kernel *kernel)
{
	long at = find_header(file->data, file->size);
	struct mb_header h = { 0 };
	size_t avail;
	int err;

	if (at < 0)
		return (int)at;
	avail = file->size - (size_t)at;
	memcpy(&h, file->data + at, avail < sizeof(h) ? avail : sizeof(h));
	/* a video mode, or unknown needs */
	if ((h.flags & 0xffff) & ~MB_MET_REQUIREMENTS)
		return bi_cause(BOOTIMG_CAUSE_MULTIBOOT_NEEDS);
	memset(kernel, 0, sizeof(*kernel));
	if (h.flags & MB_ADDRESS_FIELDS)
		err = parse_addresses(&h, (size_t)at, file->data, file->size,
				      kernel);
	else
		err = parse_elf(file->data, file->size, kernel);
	if (err < 0)
		return err;
	kernel->boot = &bi_boot_multiboot;
	kernel->info.file_size = file->size;
	kernel->info.cmdline_size = MB_CMDLINE_SIZE;
	kernel->image = *file;
	return 0;
}

const struct bi_format bi_format_multiboot = {
	.name = "multiboot",
	.probe = multiboot_probe,
	.declared_size = multiboot_declared_size,
};
