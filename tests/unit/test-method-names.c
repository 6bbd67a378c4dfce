// SPDX-License-Identifier: GPL-2.0-or-later
/* Method names: the one table read both ways, and the public name. */
#include <errno.h>
#include <string.h>
#include "bootimg.h"
#include "method-names.h"
#include "tap.h"

int main(void)
{
	static const char *const names[] = { "auto", "file", "kexec",
					     "module" };
	enum bootimg_method m;
	unsigned i;

	for (i = 0; i < 4; i++) {
		m = (enum bootimg_method)99;
		CHECK_EQ(method_from_name(names[i], &m), 0);
		CHECK_EQ(m, i);
		CHECK(strcmp(method_name(m), names[i]) == 0);
		CHECK(strcmp(bootimg_method_name(m), names[i]) == 0);
	}
	m = BOOTIMG_METHOD_FILE;
	CHECK_EQ(method_from_name("kexec_file", &m), -EINVAL);
	CHECK_EQ(method_from_name("", &m), -EINVAL);
	CHECK_EQ(method_from_name("Auto", &m), -EINVAL);
	CHECK_EQ(m, BOOTIMG_METHOD_FILE);
	CHECK(strcmp(method_name((enum bootimg_method)4), "unknown") == 0);
	CHECK(strcmp(bootimg_method_name((enum bootimg_method)-1),
		     "unknown") == 0);
	return tap_done();
}
