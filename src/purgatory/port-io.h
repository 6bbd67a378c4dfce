/* SPDX-License-Identifier: GPL-2.0-or-later */
/* x86 I/O port access, for the UART and the reset register. */
#ifndef BOOTIMG_PURGATORY_PORT_IO_H
#define BOOTIMG_PURGATORY_PORT_IO_H

#include <stdint.h>

static inline void outb(uint16_t port, uint8_t value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t value;

	__asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

#endif
