// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Exit 0 if this build's programs have openat2(2), 77 if not: the tests
 * of RESOLVE_IN_ROOT confinement skip themselves then, since libbootcfg
 * and bootimg-menu open paths unconfined without it (bootimg(8)).
 */
#include "files.h"

int main(void)
{
	return have_openat2() ? 0 : 77;
}
