// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The e2e suite's multiboot kernel: it prints on COM1 what its boot
 * loader handed it (the magic, the memory sizes, the command line, each
 * module's string and contents, the memory map), one "MB-" line each,
 * then stops the machine with a triple fault (qemu -no-reboot exits).
 */
#include <stdint.h>
#include "serial.h"		/* the purgatory's, src/purgatory/serial.c */

#define BOOTLOADER_MAGIC 0x2badb002u

struct mb_info {
	uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
	uint32_t mods_count, mods_addr, syms[4], mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr, config_table, boot_loader_name;
};

struct mb_module {
	uint32_t start, end, string, reserved;
};

void mb_main(uint32_t magic, const struct mb_info *mbi);

/* A module's bytes, a newline shown as '|'. */
static void put_bytes(const char *p, uint32_t n)
{
	char c[2] = "";
	uint32_t i;

	for (i = 0; i < n; i++) {
		c[0] = p[i] == '\n' ? '|' :
		       p[i] < 0x20 || p[i] > 0x7e ? '.' : p[i];
		serial_puts(c);
	}
}

static void stop(void)
{
	static const struct {
		uint16_t limit;
		uint32_t base;
	} __attribute__((packed)) no_idt = { 0, 0 };

	__asm__ volatile("lidt %0; int3" : : "m"(no_idt));
	for (;;)
		__asm__ volatile("hlt");
}

void mb_main(uint32_t magic, const struct mb_info *mbi)
{
	const struct mb_module *mods;
	uint32_t i;

	serial_init();
	serial_puts("\nMB-MAGIC ");
	serial_put_hex(magic);
	serial_puts("\nMB-FLAGS ");
	serial_put_hex(mbi->flags);
	if (magic != BOOTLOADER_MAGIC)
		stop();
	if (mbi->flags & 0x1) {
		serial_puts("\nMB-MEM lower=");
		serial_put_dec(mbi->mem_lower);
		serial_puts(" upper=");
		serial_put_dec(mbi->mem_upper);
	}
	if (mbi->flags & 0x200) {
		serial_puts("\nMB-LOADER ");
		serial_puts((const char *)(uintptr_t)mbi->boot_loader_name);
	}
	if (mbi->flags & 0x4) {
		serial_puts("\nMB-CMDLINE ");
		serial_puts((const char *)(uintptr_t)mbi->cmdline);
	}
	mods = (const struct mb_module *)(uintptr_t)mbi->mods_addr;
	for (i = 0; (mbi->flags & 0x8) && i < mbi->mods_count; i++) {
		serial_puts("\nMB-MODULE ");
		serial_puts((const char *)(uintptr_t)mods[i].string);
		serial_puts(mods[i].start & 0xfff ? " (unaligned) " : " ");
		put_bytes((const char *)(uintptr_t)mods[i].start,
			  mods[i].end - mods[i].start);
	}
	if (mbi->flags & 0x40) {
		serial_puts("\nMB-MMAP ");
		serial_put_dec(mbi->mmap_length / 24);
		serial_puts(" entries");
	}
	serial_puts("\nMB-DONE\n");
	stop();
}
