// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /dev/bootimg's ioctl numbers: the code registered in the kernel patch
 * (0xB9, numbers 0x00-0x0F), and none equal to an nsfs ioctl, whose 0xB7
 * the driver used before (BOOTIMG_IOC_UNLOAD was NS_GET_PARENT).
 */
#include <linux/bootimg.h>
#include <linux/nsfs.h>
#include "macros.h"
#include "tap.h"

static const unsigned long bootimg_ioctls[] = {
	BOOTIMG_IOC_LOAD, BOOTIMG_IOC_UNLOAD, BOOTIMG_IOC_STATUS,
	BOOTIMG_IOC_EXEC,
};

static const unsigned long nsfs_ioctls[] = {
	NS_GET_USERNS, NS_GET_PARENT, NS_GET_NSTYPE, NS_GET_OWNER_UID,
};

int main(void)
{
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(bootimg_ioctls); i++) {
		unsigned long cmd = bootimg_ioctls[i];
		int collides = 0;

		CHECK_EQ(_IOC_TYPE(cmd), 0xb9);
		CHECK(_IOC_NR(cmd) <= 0x0f);
		for (j = 0; j < ARRAY_SIZE(nsfs_ioctls); j++)
			collides |= cmd == nsfs_ioctls[j];
		CHECK(!collides);
	}
	return tap_done();
}
