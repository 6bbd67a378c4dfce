// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg.ko's refusal to load out of tree where indirect calls into the
 * kernel would crash (kernel/call-hazard.h, used by kernel/symbols.c):
 * the decision for each kernel configuration, IBT on or off at run time
 * and kCFI built in or not.  No CPU under qemu's TCG has IBT, so the e2e
 * suites cannot reach the refusal; this reaches it.
 */
#include <string.h>
#include "call-hazard.h"
#include "tap.h"

static int says(const char *why, const char *what)
{
	return why && strstr(why, what);
}

int main(void)
{
	CHECK(bootimg_call_hazard(0, 0) == NULL);
	CHECK(says(bootimg_call_hazard(0, 1), "Indirect Branch Tracking"));
	CHECK(says(bootimg_call_hazard(1, 0), "kCFI"));
	CHECK(says(bootimg_call_hazard(1, 1), "kCFI"));
	return tap_done();
}
