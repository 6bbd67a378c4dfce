// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kmod-direct: the calls to bootimg.ko that bootimg(8) never makes, for
 * the e2e guest (built static by tests/e2e/module.sh):
 *   kmod-direct exec            BOOTIMG_IOC_EXEC as it is, even with
 *                               nothing staged; exits with its errno
 *   kmod-direct restart2 CMD    reboot(2) LINUX_REBOOT_CMD_RESTART2 with
 *                               CMD; returns (exit 1) only on failure
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/bootimg.h>
#include <linux/reboot.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static int exec_ioctl(void)
{
	int fd = open(BOOTIMG_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		perror(BOOTIMG_DEVICE);
		return 255;
	}
	if (ioctl(fd, BOOTIMG_IOC_EXEC) == 0) {
		fprintf(stderr, "kmod-direct: EXEC returned success\n");
		return 255;
	}
	printf("kmod-direct: EXEC failed: %s (errno %d)\n", strerror(errno),
	       errno);
	return errno;
}

static int restart2(const char *cmd)
{
	sync();
	syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		LINUX_REBOOT_CMD_RESTART2, cmd);
	perror("kmod-direct: reboot");
	return 1;
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "exec") == 0)
		return exec_ioctl();
	if (argc == 3 && strcmp(argv[1], "restart2") == 0)
		return restart2(argv[2]);
	fprintf(stderr, "usage: kmod-direct exec | restart2 CMD\n");
	return 2;
}
