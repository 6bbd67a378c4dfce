// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The block devices of /sys/class/block and their GRUB names: whole
 * disks in name order are hd0, hd1... (optical ones cd0...), a
 * partition N of a GPT disk hdD,gptN, of an MBR disk hdD,msdosN.  This
 * is GRUB's order on a machine whose firmware lists the disks as Linux
 * names them; search --fs-uuid, which grub-mkconfig writes before every
 * kernel, does not depend on it.  Device-mapper devices (dm-N) are no
 * disks of the firmware's: GRUB names logical volumes lvm/VG-LV (lvm.c).
 * A partition that holds its disk's own file system (the same type and
 * UUID: a hybrid ISO image, whose MBR partition starts where a copy of
 * its superblock is) is left out: it is that file system again, and
 * would not mount beside it.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "device.h"

void sysfs_attr(const char *dir, const char *name, const char *file,
		char *buf, size_t size)
{
	char path[PATH_MAX];
	FILE *f;

	buf[0] = '\0';
	snprintf(path, sizeof(path), "%s/%s/%s", dir, name, file);
	f = fopen(path, "re");
	if (!f)
		return;
	if (!fgets(buf, (int)size, f))
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	fclose(f);
}

/* RAM disks, zram and unbound loop devices hold nothing to boot. */
static int worth_probing(const char *sys_block, const char *name)
{
	char size[32];

	if (!strncmp(name, "ram", 3) || !strncmp(name, "zram", 4))
		return 0;
	sysfs_attr(sys_block, name, "size", size, sizeof(size));
	return strtoull(size, NULL, 10) > 0;
}

/* The disk a partition is on: its directory's parent in /sys/devices. */
static int parent_disk(const char *sys_block, const char *name,
		       char *disk, size_t size)
{
	char link[PATH_MAX + NAME_MAX + 2], target[PATH_MAX], *slash;
	ssize_t n;

	snprintf(link, sizeof(link), "%s/%s", sys_block, name);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return -errno;
	target[n] = '\0';
	slash = strrchr(target, '/');
	if (!slash)
		return -ENOENT;
	*slash = '\0';
	slash = strrchr(target, '/');
	slash = slash ? slash + 1 : target;
	if (strlen(slash) >= size)
		return -ENAMETOOLONG;
	strcpy(disk, slash);
	return 0;
}

static int by_version(const struct dirent **a, const struct dirent **b)
{
	return strverscmp((*a)->d_name, (*b)->d_name);
}

static int is_partition(const char *sys_block, const char *name,
			unsigned *number)
{
	char buf[32];

	sysfs_attr(sys_block, name, "partition", buf, sizeof(buf));
	*number = (unsigned)strtoul(buf, NULL, 10);
	return *number > 0;
}

/* GRUB's name for disk DISK: its place among the disks of its kind. */
static void grub_disk(struct dirent **list, int n, const char *sys_block,
		      const char *disk, char *out, size_t size)
{
	int optical = !strncmp(disk, "sr", 2), i;
	unsigned index = 0, part;

	for (i = 0; i < n; i++) {
		const char *name = list[i]->d_name;

		if (name[0] == '.' || is_partition(sys_block, name, &part) ||
		    !worth_probing(sys_block, name) ||
		    !strncmp(name, "dm-", 3) ||
		    optical != !strncmp(name, "sr", 2))
			continue;
		if (!strcmp(name, disk))
			break;
		index++;
	}
	snprintf(out, size, "%s%u", optical ? "cd" : "hd", index);
}

static int same_text(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* Does partition D hold the file system of its disk DISK, listed before? */
static int repeats_disk(const struct menu_devices *all, const char *disk,
			const struct menu_device *d)
{
	size_t i;

	for (i = 0; i < all->n; i++)
		if (!strcmp(all->v[i].name, disk))
			return same_text(all->v[i].type, d->type) &&
			       same_text(all->v[i].uuid, d->uuid);
	return 0;
}

/*
 * GRUB's name for NAME, a disk or a partition of SCHEME's table; for a
 * partition, the name of its disk in DISK (of NAME_MAX + 1 bytes).
 */
static void grub_name(struct dirent **list, int n, const char *sys_block,
		      const char *name, const char *scheme, char *grub,
		      size_t size, char *disk)
{
	unsigned part;

	if (!is_partition(sys_block, name, &part)) {
		grub_disk(list, n, sys_block, name, grub, size);
		return;
	}
	if (parent_disk(sys_block, name, disk, NAME_MAX + 1))
		snprintf(disk, NAME_MAX + 1, "%s", name);
	grub_disk(list, n, sys_block, disk, grub, size);
	snprintf(grub + strlen(grub), size - strlen(grub), ",%s%u",
		 scheme && !strcmp(scheme, "gpt") ? "gpt" : "msdos", part);
}

static int add_device(struct menu_devices *all, struct dirent **list, int n,
		      const char *sys_block, const char *dev_dir,
		      const char *name)
{
	struct menu_device d = { .name = (char *)name };
	char node[PATH_MAX], grub[NAME_MAX + 64], disk[NAME_MAX + 1] = "";
	char *scheme = NULL;
	int err;

	snprintf(node, sizeof(node), "%s/%s", dev_dir, name);
	err = blkid_identify(node, &d, &scheme);
	if (err == -ENOMEM)
		goto out;
	if (err)
		d.problem = strerror(-err);
	if (!lvm_grub_name(sys_block, name, grub, sizeof(grub)))
		grub_name(list, n, sys_block, name, scheme, grub,
			  sizeof(grub), disk);
	if (*disk && repeats_disk(all, disk, &d))
		goto out;
	d.grub = grub;
	err = d.type || d.problem ? devices_add(all, &d) : 0;
out:
	free(scheme);
	free(d.type);
	free(d.uuid);
	free(d.label);
	free(d.partuuid);
	return err;
}

int devices_from_sysfs(const char *sys_block, const char *dev_dir,
		       struct menu_devices *all)
{
	struct dirent **list;
	int n = scandir(sys_block, &list, NULL, by_version), i, err = 0;

	*all = (struct menu_devices){ 0 };
	if (n < 0)
		return -errno;
	for (i = 0; i < n && !err; i++)
		if (list[i]->d_name[0] != '.' &&
		    worth_probing(sys_block, list[i]->d_name))
			err = add_device(all, list, n, sys_block, dev_dir,
					 list[i]->d_name);
	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
	if (err)
		devices_free(all);
	return err;
}
