/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The segment checksum that purgatory checks before it enters the new
 * kernel.  Freestanding: built into libbootimg and into purgatory.
 *
 * It guards against accidental damage between load and exec (a device
 * still doing DMA, a stray write), not against an attacker, who could as
 * well rewrite the expected value next to the data.  Four lanes each take
 * every fourth 64-bit word through lane = rotl(lane ^ word, 27) * ODD;
 * each step is a bijection of the lane for a fixed word and of the word
 * for a fixed lane, so a change confined to one word always changes the
 * result, and a longer change goes unnoticed with a chance of about
 * 2^-64.  That is as safe as SHA-256 for this purpose, at a small
 * fraction of the cost, which matters most in purgatory: it runs while
 * the machine is down, with caches cold and often without SIMD.
 */
#ifndef BOOTIMG_CHECKSUM64_H
#define BOOTIMG_CHECKSUM64_H

#include <stddef.h>
#include <stdint.h>

uint64_t bi_checksum64(const void *data, size_t len);

#endif
