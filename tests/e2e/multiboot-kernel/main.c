// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The e2e suite's multiboot kernel: it prints on COM1 what its boot
 * loader handed it (the magic, the memory sizes, the command line, each
 * module's string and contents, the memory map), one "MB-" line each,
 * then stops the machine with a triple fault (qemu -no-reboot exits).
 */
#include <stdint.h>

#define COM1 0x3f8
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

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static void serial_init(void)
{
	outb(COM1 + 1, 0x00);	/* no interrupts */
	outb(COM1 + 3, 0x80);	/* divisor latch */
	outb(COM1 + 0, 0x01);	/* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);	/* 8n1 */
	outb(COM1 + 2, 0xc7);	/* FIFO on, cleared */
	outb(COM1 + 4, 0x03);	/* DTR, RTS */
}

static void put_char(char c)
{
	while (!(inb(COM1 + 5) & 0x20))
		;
	outb(COM1, (uint8_t)c);
}

static void put_str(const char *s)
{
	while (*s)
		put_char(*s++);
}

static void put_hex(uint32_t v)
{
	int shift;

	put_str("0x");
	for (shift = 28; shift >= 0; shift -= 4)
		put_char("0123456789abcdef"[(v >> shift) & 0xf]);
}

static void put_dec(uint32_t v)
{
	char buf[11];
	int i = 10;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put_str(buf + i);
}

/* A module's bytes, a newline shown as '|'. */
static void put_bytes(const char *p, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		put_char(p[i] == '\n' ? '|' :
			 p[i] < 0x20 || p[i] > 0x7e ? '.' : p[i]);
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
	put_str("\nMB-MAGIC ");
	put_hex(magic);
	put_str("\nMB-FLAGS ");
	put_hex(mbi->flags);
	if (magic != BOOTLOADER_MAGIC)
		stop();
	if (mbi->flags & 0x1) {
		put_str("\nMB-MEM lower=");
		put_dec(mbi->mem_lower);
		put_str(" upper=");
		put_dec(mbi->mem_upper);
	}
	if (mbi->flags & 0x200) {
		put_str("\nMB-LOADER ");
		put_str((const char *)(uintptr_t)mbi->boot_loader_name);
	}
	if (mbi->flags & 0x4) {
		put_str("\nMB-CMDLINE ");
		put_str((const char *)(uintptr_t)mbi->cmdline);
	}
	mods = (const struct mb_module *)(uintptr_t)mbi->mods_addr;
	for (i = 0; (mbi->flags & 0x8) && i < mbi->mods_count; i++) {
		put_str("\nMB-MODULE ");
		put_str((const char *)(uintptr_t)mods[i].string);
		put_str(mods[i].start & 0xfff ? " (unaligned) " : " ");
		put_bytes((const char *)(uintptr_t)mods[i].start,
			  mods[i].end - mods[i].start);
	}
	if (mbi->flags & 0x40) {
		put_str("\nMB-MMAP ");
		put_dec(mbi->mmap_length / 24);
		put_str(" entries");
	}
	put_str("\nMB-DONE\n");
	stop();
}
