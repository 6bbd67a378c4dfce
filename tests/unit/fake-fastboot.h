/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A made-up bzImage for fast boot: its payload a compressed ELF vmlinux
 * (two segments, a gap between them), optionally with a relocation table.
 */
#ifndef BOOTIMG_TESTS_FAKE_FASTBOOT_H
#define BOOTIMG_TESTS_FAKE_FASTBOOT_H

#include <stddef.h>
#include <stdint.h>
#include "fake-bzimage.h"

#define SETUP_END ((FAKE_SETUP_SECTS + 1) * 512)
#define TEXT_PADDR FAKE_PREF_ADDRESS
#define TEXT_SIZE 0x3000u
#define DATA_PADDR (TEXT_PADDR + 0x5000u)	/* a gap after the text */
#define DATA_FILESZ 0x1800u
#define DATA_MEMSZ 0x4000u			/* with bss */
#define ELF_AT 0x1000u
#define ELF_SIZE (ELF_AT + TEXT_SIZE + DATA_FILESZ)
#define PAYLOAD_OFFSET 0x200u			/* as the decompressor's code */

#define LINKED_TEXT 0xffffffff81000000ull
#define DATA_VIRT (LINKED_TEXT + DATA_PADDR - TEXT_PADDR)

struct blob {
	uint8_t *data;
	size_t size;
};

/* The vmlinux: a byte pattern from ELF_AT on. */
struct blob fake_vmlinux(void);

/*
 * ELF followed by a relocation table, as the kernel build appends one: 0,
 * a 64-bit place (text + 0x100), 0, an inverse 32-bit place (text +
 * 0x200), 0, a 32-bit place (data + 0x10, or the address BAD32 if not 0).
 */
struct blob fake_with_table(struct blob elf, uint32_t bad32);

/* IN compressed with xz or gzip; size 0 on failure. */
struct blob fake_pack_xz(struct blob in);
struct blob fake_pack_gzip(struct blob in);

/* A bzImage with PAYLOAD at PAYLOAD_OFFSET of its protected-mode code. */
struct blob fake_fastboot_bzimage(struct blob payload);

#endif
