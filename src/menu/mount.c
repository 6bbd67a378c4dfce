// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Mount each file system read-only, without set-uid programs, device
 * nodes or executables, below /run/bootimg-menu, in a mount namespace of
 * this process's own: the mounts go away with it.  Journals are not
 * replayed (ext3/4 and xfs "norecovery"): looking at a disk never
 * writes to it.  iso9660 names are looked up without regard to case
 * ("check=relaxed"), as isolinux matches them: a CD without Rock Ridge
 * whose isolinux.cfg says /LIVE/VMLINUZ shows /live/vmlinuz in Linux.
 */
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "device.h"

#define MOUNT_FLAGS (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)

static const char *options_for(const char *type)
{
	if (!strcmp(type, "ext3") || !strcmp(type, "ext4") ||
	    !strcmp(type, "xfs"))
		return "norecovery";
	if (!strcmp(type, "iso9660"))
		return "check=relaxed";
	return NULL;
}

static int mount_one(const char *node, const char *dir, const char *type)
{
	if (mount(node, dir, type, MOUNT_FLAGS, options_for(type)) == 0)
		return 0;
	/* ext2 and ext3 without their own drivers: ext4 reads them. */
	if (errno == ENODEV && !strncmp(type, "ext", 3) &&
	    mount(node, dir, "ext4", MOUNT_FLAGS, "norecovery") == 0)
		return 0;
	return -errno;
}

static int make_dir(const char *path)
{
	return mkdir(path, 0700) == 0 || errno == EEXIST ? 0 : -errno;
}

/* BASE and the directories leading to it (an initramfs may lack /run). */
static int make_base(const char *base)
{
	char path[PATH_MAX], *slash;

	if (strlen(base) >= sizeof(path))
		return -ENAMETOOLONG;
	strcpy(path, base);
	for (slash = strchr(path + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	return make_dir(path);
}

/* Out of memory even for that, the device is left out silently. */
static void set_problem(struct menu_device *d, const char *what, int err)
{
	char buf[512];

	snprintf(buf, sizeof(buf), "cannot mount (%s): %s", what,
		 strerror(-err));
	free(d->problem);
	d->problem = strdup(buf);
}

void devices_mount(struct menu_devices *all, const char *base)
{
	char node[PATH_MAX], dir[PATH_MAX];
	size_t i;
	int base_err, err;

	/* Without a namespace (no CAP_SYS_ADMIN there), devices_unmount(). */
	if (unshare(CLONE_NEWNS) == 0)
		mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
	base_err = make_base(base);
	for (i = 0; i < all->n; i++) {
		struct menu_device *d = &all->v[i];

		if (d->problem || !fs_type_supported(d->type))
			continue;
		snprintf(node, sizeof(node), "/dev/%s", d->name);
		snprintf(dir, sizeof(dir), "%s/%s", base, d->name);
		err = base_err;
		if (!err)
			err = make_dir(dir);
		if (!err)
			err = mount_one(node, dir, d->type);
		if (!err)
			d->dir = strdup(dir);
		if (err || !d->dir)
			set_problem(d, d->type, err ? err : -ENOMEM);
	}
}

void devices_unmount(struct menu_devices *all)
{
	size_t i;

	for (i = 0; i < all->n; i++)
		if (all->v[i].dir && umount2(all->v[i].dir, MNT_DETACH) == 0)
			rmdir(all->v[i].dir);
}
