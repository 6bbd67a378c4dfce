/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Giving the machine back to its firmware when purgatory cannot go on. */
#ifndef BOOTIMG_PURGATORY_RESET_H
#define BOOTIMG_PURGATORY_RESET_H

/*
 * Reset the machine: a full reset through the reset control register at
 * 0xcf9 (PIIX, ICH and their successors), and, should that do nothing, a
 * triple fault.  Never returns.
 */
void __attribute__((noreturn)) machine_reset(void);

#endif
