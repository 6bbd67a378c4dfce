/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * For test programs that run under tests/shim/syscall-shim.so: check that
 * the shim is really preloaded before making a call that must not reach
 * the kernel (the tests may run as root).
 */
#ifndef BOOTIMG_TESTS_SHIM_H
#define BOOTIMG_TESTS_SHIM_H

/* The value of the shim's exported symbol bootimg_syscall_shim. */
#define BOOTIMG_SHIM_MARKER "bootimg syscall shim 1"

#ifndef BOOTIMG_SHIM_NO_HELPERS
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Nonzero if the shim is loaded in this process. */
static inline int shim_loaded(void)
{
	const char *m = (const char *)dlsym(RTLD_DEFAULT,
					    "bootimg_syscall_shim");

	return m != NULL && strcmp(m, BOOTIMG_SHIM_MARKER) == 0;
}

/* Exit with status 99 (Automake's hard error) unless the shim is loaded. */
static inline void shim_require(void)
{
	if (shim_loaded())
		return;
	fprintf(stderr, "syscall-shim.so is not preloaded; refusing to make "
		"real kexec calls\n");
	fflush(stdout);
	_exit(99);
}
#endif

#endif
