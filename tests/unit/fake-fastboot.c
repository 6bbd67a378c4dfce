// SPDX-License-Identifier: GPL-2.0-or-later
/* A made-up bzImage for fast boot (fake-fastboot.h). */
#include <asm/bootparam.h>
#include <elf.h>
#include <lzma.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "fake-fastboot.h"

struct blob fake_vmlinux(void)
{
	struct blob b = { calloc(1, ELF_SIZE), ELF_SIZE };
	Elf64_Ehdr e = { .e_type = ET_EXEC, .e_machine = EM_X86_64,
		.e_version = EV_CURRENT, .e_entry = TEXT_PADDR,
		.e_phoff = sizeof(e), .e_ehsize = sizeof(e),
		.e_phentsize = sizeof(Elf64_Phdr), .e_phnum = 2 };
	Elf64_Phdr ph[2] = {
		{ .p_type = PT_LOAD, .p_offset = ELF_AT,
		  .p_vaddr = 0xffffffff81000000ull, .p_paddr = TEXT_PADDR,
		  .p_filesz = TEXT_SIZE, .p_memsz = TEXT_SIZE },
		{ .p_type = PT_LOAD, .p_offset = ELF_AT + TEXT_SIZE,
		  .p_vaddr = 0xffffffff81005000ull, .p_paddr = DATA_PADDR,
		  .p_filesz = DATA_FILESZ, .p_memsz = DATA_MEMSZ },
	};
	size_t i;

	memcpy(e.e_ident, ELFMAG, SELFMAG);
	e.e_ident[EI_CLASS] = ELFCLASS64;
	e.e_ident[EI_DATA] = ELFDATA2LSB;
	memcpy(b.data, &e, sizeof(e));
	memcpy(b.data + sizeof(e), ph, sizeof(ph));
	for (i = ELF_AT; i < ELF_SIZE; i++)
		b.data[i] = (uint8_t)(i * 11 + 5);
	return b;
}

struct blob fake_pack_xz(struct blob in)
{
	size_t cap = lzma_stream_buffer_bound(in.size);
	struct blob p = { malloc(cap), 0 };

	if (lzma_easy_buffer_encode(0, LZMA_CHECK_CRC32, NULL, in.data,
				    in.size, p.data, &p.size, cap) != LZMA_OK)
		p.size = 0;
	return p;
}

struct blob fake_pack_gzip(struct blob in)
{
	struct blob p = { malloc(in.size + 1024), 0 };
	z_stream z = { .next_in = in.data, .avail_in = (uInt)in.size };

	deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	z.next_out = p.data;
	z.avail_out = (uInt)(in.size + 1024);
	if (deflate(&z, Z_FINISH) == Z_STREAM_END)
		p.size = z.total_out;
	deflateEnd(&z);
	return p;
}

/*
 * A bzImage around PAYLOAD: the decompressor's place taken by a pattern,
 * the payload at PAYLOAD_OFFSET, its size after it, as the kernel build
 * appends it.
 */
struct blob fake_fastboot_bzimage(struct blob payload)
{
	size_t code = (PAYLOAD_OFFSET + payload.size + 4 + 15) & ~(size_t)15;
	struct blob b = { calloc(1, fake_bzimage_size() + code), 0 };
	struct setup_header hdr;
	uint32_t unpacked = ELF_SIZE;

	fake_bzimage(b.data);
	memcpy(&hdr, b.data + 0x1f1, sizeof(hdr));
	hdr.syssize = (uint32_t)(code / 16);
	hdr.payload_offset = PAYLOAD_OFFSET;
	hdr.payload_length = (uint32_t)payload.size;
	memcpy(b.data + 0x1f1, &hdr, sizeof(hdr));
	memset(b.data + SETUP_END, 0x90, PAYLOAD_OFFSET);
	memcpy(b.data + SETUP_END + PAYLOAD_OFFSET, payload.data, payload.size);
	memcpy(b.data + SETUP_END + PAYLOAD_OFFSET + payload.size, &unpacked, 4);
	b.size = SETUP_END + code;
	return b;
}

struct blob fake_with_table(struct blob elf, uint32_t bad32)
{
	const uint32_t table[] = {
		0, (uint32_t)(LINKED_TEXT + 0x100), 0,
		(uint32_t)(LINKED_TEXT + 0x200), 0,
		bad32 ? bad32 : (uint32_t)(DATA_VIRT + 0x10),
	};
	struct blob b = { malloc(elf.size + sizeof(table)),
			  elf.size + sizeof(table) };

	memcpy(b.data, elf.data, elf.size);
	memcpy(b.data + elf.size, table, sizeof(table));
	return b;
}

