// SPDX-License-Identifier: GPL-2.0-or-later
/* A polled 16550 UART at COM1, 115200 baud, 8N1. */
#include "port-io.h"
#include "serial.h"

#define COM1 0x3f8
#define THR 0	/* transmit holding register */
#define IER 1	/* interrupt enable */
#define FCR 2	/* FIFO control */
#define LCR 3	/* line control */
#define MCR 4	/* modem control */
#define LSR 5	/* line status */
#define LSR_THRE 0x20
#define LSR_TEMT 0x40	/* the last bit has left the wire */
#define LCR_DLAB 0x80
#define LCR_8N1 0x03


void serial_init(void)
{
	outb(COM1 + IER, 0);
	outb(COM1 + LCR, LCR_DLAB);
	outb(COM1 + 0, 1);		/* divisor 1: 115200 baud */
	outb(COM1 + 1, 0);
	outb(COM1 + LCR, LCR_8N1);
	outb(COM1 + FCR, 0x07);		/* enable and clear the FIFOs */
	outb(COM1 + MCR, 0x03);		/* DTR, RTS */
}

static void put_char(char c)
{
	unsigned spins = 100000;

	while (!(inb(COM1 + LSR) & LSR_THRE) && --spins)
		;
	outb(COM1 + THR, (uint8_t)c);
}

void serial_puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			put_char('\r');
		put_char(*s);
	}
}

void serial_put_hex(uint64_t value)
{
	int shift;

	serial_puts("0x");
	for (shift = 60; shift >= 0; shift -= 4)
		put_char("0123456789abcdef"[(value >> shift) & 0xf]);
}

/* 32 bits: a 64-bit division would need libgcc in the i386 blob. */
void serial_put_dec(uint32_t value)
{
	char digits[11];
	int i = 10;

	digits[i] = '\0';
	do {
		digits[--i] = (char)('0' + value % 10);
		value /= 10;
	} while (value);
	serial_puts(digits + i);
}

void serial_flush(void)
{
	unsigned spins = 100000;

	while (!(inb(COM1 + LSR) & LSR_TEMT) && --spins)
		;
}
