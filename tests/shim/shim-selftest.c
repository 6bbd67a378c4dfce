/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Makes a fixed series of kexec and reboot calls, expecting to run under
 * tests/shim/syscall-shim.so, and prints one line per call with its
 * result.  tests/shim/shim-selftest.sh compares that output and the
 * shim's log with what they should be.
 *
 * Usage: shim-selftest KERNEL-FILE
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#include <errno.h>
#include <fcntl.h>
#include <linux/kexec.h>
#include <linux/reboot.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "shim.h"

#ifndef SYS_kexec_file_load
/* i386: no such call; shim-selftest.sh skips this test there. */
#define SYS_kexec_file_load (-1L)
#endif

static void result(const char *what, long rc)
{
	if (rc == 0)
		printf("%s: 0\n", what);
	else
		printf("%s: %ld %s\n", what, rc, strerrorname_np(errno));
}

static void seg(struct kexec_segment *s, const void *buf, size_t bufsz,
		unsigned long mem, size_t memsz)
{
	s->buf = buf;
	s->bufsz = bufsz;
	s->mem = (void *)mem;
	s->memsz = memsz;
}

static long load(unsigned long entry, unsigned long n,
		 struct kexec_segment *s, unsigned long flags)
{
	return syscall(SYS_kexec_load, entry, n, s, flags);
}

static long file_load(int kfd, int ifd, unsigned long len, const char *cmd,
		      unsigned long flags)
{
	return syscall(SYS_kexec_file_load, kfd, ifd, len, cmd, flags);
}

int main(int argc, char **argv)
{
	static const char initrd[] = "initrd contents\n";
	static const char cmdline[] = "console=ttyS0 quiet x=\"a b\"\\";
	static char big[8192];
	struct kexec_segment s[KEXEC_SEGMENT_MAX + 1];
	int kfd, ifd, i;

	/* First of all: no real kexec call if the shim is missing. */
	shim_require();
	if (argc != 2) {
		fprintf(stderr, "usage: shim-selftest KERNEL-FILE\n");
		return 99;
	}
	kfd = open(argv[1], O_RDONLY | O_CLOEXEC);
	ifd = memfd_create("initrd", MFD_CLOEXEC);
	if (kfd < 0 || ifd < 0 ||
	    write(ifd, initrd, sizeof(initrd) - 1) != sizeof(initrd) - 1 ||
	    lseek(kfd, 3, SEEK_SET) != 3) {
		perror("shim-selftest");
		return 99;
	}
	memset(big, 'A', sizeof(big));

	printf("getpid forwarded: %s\n",
	       syscall(SYS_getpid) == getpid() ? "yes" : "no");

	seg(&s[0], "hello", 5, 0x100000, 0x1000);
	seg(&s[1], big, sizeof(big), 0x200000, 0x3000);
	result("kexec_load valid", load(0x100000, 2, s, KEXEC_ARCH_DEFAULT));

	seg(&s[0], "hello", 5, 0x100000, 0x2000);
	seg(&s[1], big, 4096, 0x101000, 0x1000);
	result("kexec_load overlap", load(0x100000, 2, s, 0));

	seg(&s[0], "hello", 5, 0x100800, 0x1000);
	result("kexec_load unaligned", load(0, 1, s, 0));

	seg(&s[0], big, sizeof(big), 0x100000, 0x1000);
	result("kexec_load bufsz>memsz", load(0, 1, s, 0));

	seg(&s[0], NULL, 0, ~0xfffUL, 0x2000);
	result("kexec_load overflow", load(0, 1, s, 0));

	for (i = 0; i <= KEXEC_SEGMENT_MAX; i++)
		seg(&s[i], NULL, 0, 0x100000 + 0x1000UL * i, 0x1000);
	result("kexec_load 17 segments", load(0, KEXEC_SEGMENT_MAX + 1, s, 0));

	result("kexec_load unload", load(0, 0, NULL, KEXEC_ON_CRASH));

	result("kexec_file_load",
	       file_load(kfd, ifd, sizeof(cmdline), cmdline, 0));
	printf("offsets after: kernel %ld initrd %ld\n",
	       (long)lseek(kfd, 0, SEEK_CUR), (long)lseek(ifd, 0, SEEK_CUR));

	result("kexec_file_load no initramfs",
	       file_load(kfd, -1, 0, NULL, KEXEC_FILE_NO_INITRAMFS));
	result("kexec_file_load cmdline without NUL",
	       file_load(kfd, ifd, 4, "abcd", 0));
	result("kexec_file_load unload",
	       file_load(-1, -1, 0, NULL, KEXEC_FILE_UNLOAD));

	result("reboot", reboot(LINUX_REBOOT_CMD_KEXEC));
	result("syscall reboot", syscall(SYS_reboot, LINUX_REBOOT_MAGIC1,
					 LINUX_REBOOT_MAGIC2,
					 LINUX_REBOOT_CMD_KEXEC, NULL));
	return 0;
}
