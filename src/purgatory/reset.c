// SPDX-License-Identifier: GPL-2.0-or-later
#include "port-io.h"
#include "reset.h"

#define RESET_CONTROL 0xcf9
#define RC_SYS_RST 0x02		/* which reset: set first, on its own */
#define RC_RST_CPU 0x04		/* writing it starts the reset */
#define RC_FULL_RST 0x08	/* power-cycle the chipset, not just the CPU */
#define POST_PORT 0x80		/* a write here takes about 1 us */

static void delay_us(unsigned us)
{
	while (us--)
		outb(POST_PORT, 0);
}

/* An IDT of limit 0: any exception then faults twice more, a reset. */
static void __attribute__((noreturn)) triple_fault(void)
{
	struct {
		uint16_t limit;
		uintptr_t base;
	} __attribute__((packed)) no_idt = { 0, 0 };

	__asm__ volatile("lidt %0; int3" : : "m"(no_idt));
	for (;;)
		__asm__ volatile("cli; hlt");
}

void machine_reset(void)
{
	uint8_t rc = inb(RESET_CONTROL) &
		     (uint8_t)~(RC_SYS_RST | RC_RST_CPU | RC_FULL_RST);

	__asm__ volatile("cli");
	outb(RESET_CONTROL, rc | RC_SYS_RST);
	delay_us(50);
	outb(RESET_CONTROL, rc | RC_SYS_RST | RC_RST_CPU | RC_FULL_RST);
	delay_us(100000);	/* the chipset resets within this */
	triple_fault();
}
