// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include "failed-as.h"
#include "internal.h"

int failed_as(const struct bootimg *ctx, int got, int want)
{
	const struct bootimg_error *e = bootimg_last_error(ctx);
	enum bootimg_cause cause;

	if (want > -BI_CAUSE_BASE) {
		if (got != want)
			printf("# got %d, want %d\n", got, want);
		return got == want;
	}
	cause = (enum bootimg_cause)(-want - BI_CAUSE_BASE);
	if (got == bi_cause_errno(cause) && e->err == got && e->cause == cause)
		return 1;
	printf("# got %d (cause %d), want %d (cause %d)\n", got, e->cause,
	       bi_cause_errno(cause), cause);
	return 0;
}
