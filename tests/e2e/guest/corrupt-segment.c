// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * corrupt-segment.so: an LD_PRELOAD library for the e2e case
 * purgatory-reset.  It lets bootimg plan and checksum a kernel as usual,
 * then hands kexec_load(2) a copy of the first segment with one byte
 * flipped: the damage purgatory's checksums exist to catch, made without
 * any test hook in bootimg itself.  Every other system call passes on.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <linux/kexec.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

long syscall(long number, ...)
{
	static long (*real)(long, ...);
	struct kexec_segment copy[KEXEC_SEGMENT_MAX];
	unsigned long n;
	long arg[6];
	va_list ap;
	int i;

	va_start(ap, number);
	for (i = 0; i < 6; i++)
		arg[i] = va_arg(ap, long);
	va_end(ap);
	if (!real)
		real = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
	n = (unsigned long)arg[1];
	if (number == SYS_kexec_load && n > 0 && n <= KEXEC_SEGMENT_MAX &&
	    ((struct kexec_segment *)arg[2])[0].bufsz > 0) {
		unsigned char *buf;

		memcpy(copy, (void *)arg[2], n * sizeof(copy[0]));
		buf = malloc(copy[0].bufsz);
		if (!buf)
			return -1;
		memcpy(buf, copy[0].buf, copy[0].bufsz);
		buf[copy[0].bufsz / 2] ^= 0xff;
		copy[0].buf = buf;
		arg[2] = (long)copy;
		fprintf(stderr, "BOOTIMG-E2E corrupted segment 0 at %p\n",
			copy[0].mem);
	}
	return real(number, arg[0], arg[1], arg[2], arg[3], arg[4], arg[5]);
}
