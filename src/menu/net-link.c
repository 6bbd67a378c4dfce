// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Bring the network links up (SIOCSIFFLAGS) and wait, bounded, for the
 * first one with carrier: /sys/class/net/NAME/carrier reads 1 once the
 * link is up and the cable (or qemu's virtual one) is in.
 */
#include <dirent.h>
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "net.h"

static int set_up(int sock, const char *name)
{
	struct ifreq ifr = { 0 };

	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(sock, SIOCGIFFLAGS, &ifr) < 0)
		return -errno;
	ifr.ifr_flags |= IFF_UP;
	return ioctl(sock, SIOCSIFFLAGS, &ifr) < 0 ? -errno : 0;
}

static int has_carrier(const char *sys_net, const char *name)
{
	char path[512], c = '0';
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/carrier", sys_net, name);
	f = fopen(path, "re");
	if (f) {
		c = (char)fgetc(f);
		fclose(f);
	}
	return c == '1';
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int skip_dots_and_lo(const struct dirent *e)
{
	return e->d_name[0] != '.' && strcmp(e->d_name, "lo") &&
	       strlen(e->d_name) < IFNAMSIZ;
}

int net_link_up(const char *sys_net, int wait_ms, char *name, size_t size)
{
	struct dirent **links;
	int n = scandir(sys_net, &links, skip_dots_and_lo, by_name);
	int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int i, waited, err = -ETIMEDOUT;

	if (n < 0 || sock < 0) {
		err = -errno;
		goto out;
	}
	if (n == 0)
		err = -ENODEV;
	set_up(sock, "lo");
	for (i = 0; i < n; i++)
		set_up(sock, links[i]->d_name);
	for (waited = 0; n > 0 && err == -ETIMEDOUT; waited += 100) {
		for (i = 0; i < n && err; i++)
			if (has_carrier(sys_net, links[i]->d_name)) {
				snprintf(name, size, "%s", links[i]->d_name);
				err = 0;
			}
		if (err && waited >= wait_ms)
			break;
		if (err)
			nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
	}
out:
	if (sock >= 0)
		close(sock);
	for (i = 0; i < n; i++)
		free(links[i]);
	if (n >= 0)
		free(links);
	return err;
}
