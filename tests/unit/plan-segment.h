/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Looking up a plan's segments by what they hold, for the unit tests. */
#ifndef BOOTIMG_TESTS_PLAN_SEGMENT_H
#define BOOTIMG_TESTS_PLAN_SEGMENT_H

#include "plan.h"

/* The NTH (from 0) segment of PLAN whose `what` is WHAT, or NULL. */
const struct bi_segment *plan_segment(const struct bootimg_plan *plan,
				      const char *what, int nth);

#endif
