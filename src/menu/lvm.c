// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * LVM in the first stage.  When it carries an lvm program (in PATH),
 * the volume groups are activated before the devices are looked at, as
 * an initramfs does (vgchange --sysinit: no locking, no monitoring, no
 * polling); each logical volume then shows up in /sys/class/block as a
 * device-mapper device, dm-N, and is identified and mounted like any
 * other.  GRUB names a logical volume lvm/VG-LV, which is
 * device-mapper's own name for it (dm-N/dm/name, a '-' inside VG or LV
 * doubled); dm-N/dm/uuid starts with "LVM-".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "device.h"
#include "spawn.h"

int lvm_activate(unsigned timeout, char *why, size_t size)
{
	char *argv[] = { "lvm", "vgchange", "--activate", "y", "--sysinit",
			 NULL };
	char *out;
	size_t len;
	int rc = spawn_capture(argv, timeout, &out, &len);

	free(out);	/* "N logical volume(s) in volume group ... active" */
	/*
	 * No lvm: posix_spawnp says ENOENT, or (as POSIX allows, and 32-bit
	 * glibc on some 64-bit kernels does) the child exits 127.
	 */
	if (rc == 0 || rc == 127 || (rc == SPAWN_NOT_RUN && errno == ENOENT))
		return 0;
	if (rc == SPAWN_NOT_RUN) {
		rc = -errno;
		snprintf(why, size, "cannot run lvm: %s", strerror(-rc));
		return rc;
	}
	if (rc == SPAWN_TIMED_OUT) {
		snprintf(why, size, "lvm vgchange: no answer in %u s, "
			 "killed", timeout);
		return -ETIMEDOUT;
	}
	if (rc > 128)
		snprintf(why, size, "lvm vgchange: killed by signal %d",
			 rc - 128);
	else
		snprintf(why, size, "lvm vgchange: exit %d (its message "
			 "is above)", rc);
	return -EIO;
}

int lvm_grub_name(const char *sys_block, const char *name, char *out,
		  size_t size)
{
	char dm_name[256], uuid[256];

	if (strncmp(name, "dm-", 3))
		return 0;
	sysfs_attr(sys_block, name, "dm/name", dm_name, sizeof(dm_name));
	sysfs_attr(sys_block, name, "dm/uuid", uuid, sizeof(uuid));
	if (!strncmp(uuid, "LVM-", 4) && dm_name[0])
		snprintf(out, size, "lvm/%s", dm_name);
	else		/* no GRUB name: the kernel's stands in */
		snprintf(out, size, "%s", name);
	return 1;
}
