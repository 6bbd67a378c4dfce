/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Checking a failure against the error channel. */
#ifndef BOOTIMG_TESTS_FAILED_AS_H
#define BOOTIMG_TESTS_FAILED_AS_H

#include "bootimg.h"

/*
 * Did a call that returned GOT fail as WANT says: WANT itself, or, for
 * WANT = bi_cause(CAUSE), the cause's plain errno with CAUSE recorded in
 * the error channel of CTX?
 */
int failed_as(const struct bootimg *ctx, int got, int want);

#endif
