/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The promises every plan keeps, checked by the unit tests and by the
 * planner's fuzzer (fuzz/fuzz-plan.c).
 */
#ifndef BOOTIMG_TESTS_PLAN_CHECK_H
#define BOOTIMG_TESTS_PLAN_CHECK_H

#include "plan.h"

/*
 * NULL if PLAN's segments are page-aligned, hold no more bytes than
 * memory, do not wrap, each lie in one RAM range of the plan's map and
 * are clear of each other; else what the first that does not breaks.
 */
const char *plan_broken_promise(const struct bootimg_plan *plan);

#endif
