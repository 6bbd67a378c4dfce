// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <linux/watchdog.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "macros.h"
#include "sysroot.h"
#include "watchdog.h"

static const char *const devices[] = { "/dev/watchdog", "/dev/watchdog0" };

/* The first watchdog device that opens; -ENOENT if there is none. */
static int open_device(void)
{
	size_t i;
	int fd, err = -ENOENT;

	for (i = 0; i < ARRAY_SIZE(devices); i++) {
		char *full = sysroot_path(devices[i]);

		fd = open(full, O_WRONLY | O_CLOEXEC);
		if (fd < 0 && errno != ENOENT)
			err = -errno;
		free(full);
		if (fd >= 0)
			return fd;
	}
	return err;
}

int watchdog_parse_seconds(const char *text, unsigned *seconds)
{
	unsigned long n = 0;
	char *end;

	if (*text) {
		errno = 0;
		n = strtoul(text, &end, 10);
		if (*text < '0' || *text > '9' || *end || errno ||
		    n > WATCHDOG_MAX_SECONDS)
			return -EINVAL;
	}
	*seconds = (unsigned)n;
	return 0;
}

int watchdog_arm(unsigned seconds)
{
	int fd = open_device(), timeout = (int)seconds, err;

	if (fd < 0)
		return fd;
	if (ioctl(fd, WDIOC_SETTIMEOUT, &timeout) < 0 ||
	    ioctl(fd, WDIOC_KEEPALIVE, 0) < 0) {
		err = -errno;
		watchdog_release(fd);
		return err;
	}
	return fd;
}

int watchdog_arm_warning(const char *program, unsigned seconds)
{
	int fd = watchdog_arm(seconds);

	if (fd == -ENOENT)
		fprintf(stderr, "%s: warning: no watchdog device "
			"(/dev/watchdog); rebooting without one\n", program);
	else if (fd < 0)
		fprintf(stderr, "%s: warning: /dev/watchdog: %s; rebooting "
			"without a watchdog\n", program, strerror(-fd));
	else if (watchdog_stops_on_reboot())
		fprintf(stderr, "%s: warning: this kernel stops the watchdog "
			"at the kexec; boot it with watchdog.stop_on_reboot=0 "
			"to keep it armed\n", program);
	return fd;
}

void watchdog_release(int fd)
{
	int off = WDIOS_DISABLECARD;
	ssize_t wrote;

	/* The magic close, and the ioctl for drivers without it. */
	wrote = write(fd, "V", 1);
	(void)wrote;
	(void)ioctl(fd, WDIOC_SETOPTIONS, &off);
	close(fd);
}

int watchdog_disarm(void)
{
	int fd = open_device();

	if (fd < 0)
		return fd;
	watchdog_release(fd);
	return 0;
}

int watchdog_stops_on_reboot(void)
{
	char value[16];

	if (sysroot_read("/sys/module/watchdog/parameters/stop_on_reboot",
			 value, sizeof(value)) < 0)
		return 1;
	return atoi(value) != 0;
}
