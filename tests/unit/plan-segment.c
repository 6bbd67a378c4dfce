// SPDX-License-Identifier: GPL-2.0-or-later
#include <string.h>
#include "plan-segment.h"

const struct bi_segment *plan_segment(const struct bootimg_plan *plan,
				      const char *what, int nth)
{
	size_t i;

	for (i = 0; i < plan->n_segments; i++)
		if (strcmp(plan->segments[i].what, what) == 0 && nth-- == 0)
			return &plan->segments[i];
	return NULL;
}
