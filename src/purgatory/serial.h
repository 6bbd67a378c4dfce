/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Messages on the first serial port, the only output purgatory has. */
#ifndef BOOTIMG_PURGATORY_SERIAL_H
#define BOOTIMG_PURGATORY_SERIAL_H

#include <stdint.h>

void serial_init(void);
void serial_puts(const char *s);
void serial_put_hex(uint64_t value);
void serial_put_dec(uint32_t value);
/* Wait until everything written has been sent. */
void serial_flush(void);

#endif
