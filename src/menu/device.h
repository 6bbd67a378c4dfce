/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The block devices bootimg-menu looks at: each with what libblkid says
 * of it, its GRUB name and where its file system is mounted (or why it
 * is not).
 */
#ifndef BOOTIMG_MENU_DEVICE_H
#define BOOTIMG_MENU_DEVICE_H

#include <stddef.h>
#include <stdio.h>

struct menu_device {
	char *name;		/* the kernel's: "vda2" */
	char *grub;		/* GRUB's: "hd0,gpt2" */
	char *type;		/* blkid TYPE, or NULL: no file system */
	char *uuid, *label, *partuuid;	/* or NULL */
	char *dir;		/* where it is mounted, or NULL */
	char *problem;		/* why it is not, or NULL */
};

struct menu_devices {
	struct menu_device *v;
	size_t n, cap;
};

/* Append a copy of D (its strings duplicated): 0 or -ENOMEM. */
int devices_add(struct menu_devices *all, const struct menu_device *d);
void devices_free(struct menu_devices *all);

/* The mounted device whose directory holds PATH, or NULL. */
const struct menu_device *device_holding(const struct menu_devices *all,
					 const char *path);

/* A file system bootimg-menu mounts (ext2/3/4, xfs, btrfs, vfat, iso9660). */
int fs_type_supported(const char *type);

/*
 * The block devices of SYS_BLOCK (/sys/class/block) whose nodes are in
 * DEV_DIR (/dev), identified with libblkid; nothing mounted yet.
 * 0 or a negative errno.
 */
int devices_from_sysfs(const char *sys_block, const char *dev_dir,
		       struct menu_devices *all);

/*
 * The first line of SYS_BLOCK/NAME/FILE in BUF (of SIZE bytes), without
 * its end; "" when there is none.
 */
void sysfs_attr(const char *sys_block, const char *name, const char *file,
		char *buf, size_t size);

/*
 * Activate LVM's volume groups with the lvm program of PATH, killing it
 * after TIMEOUT seconds.  0 when it did, or when there is no lvm in
 * PATH; else a negative errno, with the cause in WHY.
 */
int lvm_activate(unsigned timeout, char *why, size_t size);

/*
 * If NAME (of SYS_BLOCK) is a device-mapper device, 1 with GRUB's name
 * for it in OUT: lvm/VG-LV for a logical volume, else NAME itself.
 * 0 for any other device.
 */
int lvm_grub_name(const char *sys_block, const char *name, char *out,
		  size_t size);

/*
 * Fill D's type, UUID, label and PARTUUID from the device node NODE;
 * *SCHEME gets the partition table's ("gpt", "dos") or NULL.
 * 0 or a negative errno.
 */
int blkid_identify(const char *node, struct menu_device *d, char **scheme);

/*
 * The test hook (--test-devices): a table of devices, one a line,
 *   NAME GRUB-NAME DIRECTORY [type=T] [uuid=U] [label=L] [partuuid=P]
 *                            [mount-error=WHY TO THE END OF THE LINE]
 * DIRECTORY, relative to the table's own, stands for the mounted file
 * system ("-": none).  -EBADMSG with "FILE:LINE: cause" in WHY.
 */
int devices_from_table(const char *path, struct menu_devices *all,
		       char *why, size_t size);

/*
 * Mount every device with a supported file system read-only below BASE
 * (/run/bootimg-menu/NAME), in a mount namespace of this process's own
 * when it can make one; a device that will not mount gets a problem.
 */
void devices_mount(struct menu_devices *all, const char *base);
/* Unmount what devices_mount() mounted. */
void devices_unmount(struct menu_devices *all);

/*
 * The mounted devices as a libbootcfg device map ("NAME DIR uuid=
 * label="), for GRUB's search and (hdN,gptM) paths.
 */
void devices_write_map(const struct menu_devices *all, FILE *out);

#endif
