// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg-menu's discovery without root: the --test-devices table, the
 * device map it gives libbootcfg, GRUB names from a /sys/class/block
 * made of directories and symlinks, libblkid on a real ext4 image, and
 * LVM's activation with a stand-in lvm program in PATH that succeeds,
 * fails or hangs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "device.h"
#include "files.h"
#include "tap.h"

static char tmp[] = "/tmp/test-menu-devices.XXXXXX";

static void write_file(const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmp, name);
	f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static const struct menu_device *named(const struct menu_devices *all,
				       const char *name)
{
	size_t i;

	for (i = 0; i < all->n; i++)
		if (!strcmp(all->v[i].name, name))
			return &all->v[i];
	return NULL;
}

static int ends_with(const char *s, const char *end)
{
	size_t n = s ? strlen(s) : 0, m = strlen(end);

	return n >= m && !strcmp(s + n - m, end);
}

static void test_table(void)
{
	struct menu_devices all;
	const struct menu_device *d;
	char why[512];

	CHECK(devices_from_table(fixture("menu/devices"), &all, why,
				 sizeof(why)) == 0);
	CHECK_EQ(all.n, 9);
	d = named(&all, "vda2");
	CHECK(d && !strcmp(d->grub, "hd0,gpt2") && !strcmp(d->type, "ext4"));
	CHECK(d && !strcmp(d->uuid, "0b6a55c4-boot") &&
	      !strcmp(d->label, "boot") && !d->partuuid && !d->problem);
	CHECK(d && d->dir[0] == '/' && ends_with(d->dir, "/menu/boot"));
	d = named(&all, "vda1");
	CHECK(d && d->partuuid && !strcmp(d->partuuid, "6e1f0c2a-01"));
	d = named(&all, "vde1");	/* mount-error= takes the rest */
	CHECK(d && !d->dir && d->problem && !strcmp(d->problem,
	      "cannot mount (xfs): Structure needs cleaning"));
	d = named(&all, "vda3");
	CHECK(d && !d->dir && !d->problem && !strcmp(d->type, "swap"));
	devices_free(&all);
}

static void test_bad_tables(void)
{
	struct menu_devices all;
	char why[512], path[512];

	write_file("short", "# two words\nvda1 hd0,gpt1\n");
	snprintf(path, sizeof(path), "%s/short", tmp);
	CHECK(devices_from_table(path, &all, why, sizeof(why)) == -EBADMSG);
	CHECK(strstr(why, "/short:2: not \"NAME GRUB-NAME DIRECTORY") != NULL);
	CHECK(all.n == 0 && all.v == NULL);
	write_file("key", "vda1 hd0,gpt1 esp colour=red\n");
	snprintf(path, sizeof(path), "%s/key", tmp);
	CHECK(devices_from_table(path, &all, why, sizeof(why)) == -EBADMSG);
	CHECK(strstr(why, "/key:1: not type=, uuid=") != NULL);
	snprintf(path, sizeof(path), "%s/none", tmp);
	CHECK(devices_from_table(path, &all, why, sizeof(why)) == -ENOENT);
	CHECK(strstr(why, "/none: No such file or directory") != NULL);
}

static void test_map(void)
{
	struct menu_devices all = { 0 };
	struct menu_device d = { .name = "vda2", .grub = "hd0,gpt2",
				 .type = "ext4", .uuid = "U-1", .label = "boot",
				 .dir = "/run/bootimg-menu/vda2" };
	char *text = NULL;
	size_t size = 0;
	FILE *f;

	CHECK(devices_add(&all, &d) == 0);
	d = (struct menu_device){ .name = "vdb1", .grub = "hd1,gpt1",
				  .label = "two words", .dir = "/m/vdb1" };
	CHECK(devices_add(&all, &d) == 0);
	d = (struct menu_device){ .name = "vdc1", .grub = "hd2,gpt1",
				  .problem = "cannot mount" };
	CHECK(devices_add(&all, &d) == 0);
	f = open_memstream(&text, &size);
	devices_write_map(&all, f);
	fclose(f);
	/* A label with a blank cannot be a word of the map: left out. */
	CHECK(text && !strcmp(text, "hd0,gpt2 /run/bootimg-menu/vda2 "
			      "uuid=U-1 label=boot\nhd1,gpt1 /m/vdb1\n"));
	free(text);
	devices_free(&all);
}

/* /sys/class/block/NAME -> ../../devices/PARENT/NAME with its files. */
static void sys_device(const char *parent, const char *name,
		       const char *size, const char *partition)
{
	char path[512], target[512];

	snprintf(path, sizeof(path), "%s/sys/devices/%s%s%s", tmp, parent,
		 *parent ? "/" : "", name);
	mkdir(path, 0755);
	snprintf(target, sizeof(target), "../../devices/%s%s%s", parent,
		 *parent ? "/" : "", name);
	snprintf(path, sizeof(path), "%s/sys/class/block/%s", tmp, name);
	CHECK(symlink(target, path) == 0);
	snprintf(path, sizeof(path), "sys/devices/%s%s%s/size", parent,
		 *parent ? "/" : "", name);
	write_file(path, size);
	if (partition) {
		snprintf(path, sizeof(path), "sys/devices/%s/%s/partition",
			 parent, name);
		write_file(path, partition);
	}
}

/* TMP/NAME, TMP/NAME/class, TMP/NAME/class/block, TMP/NAME/devices. */
static void make_sys(const char *name)
{
	static const char *const below[] = {
		"", "/class", "/class/block", "/devices",
	};
	char dir[512];
	size_t i;

	for (i = 0; i < sizeof(below) / sizeof(below[0]); i++) {
		snprintf(dir, sizeof(dir), "%s/%s%s", tmp, name, below[i]);
		mkdir(dir, 0755);
	}
}

/* GRUB names: disks in name order by kind, partitions below them. */
static void test_sysfs_names(void)
{
	struct menu_devices all;
	const struct menu_device *d;
	char dir[512], dev[512];

	make_sys("sys");
	sys_device("", "vdb", "2048\n", NULL);
	sys_device("", "vda", "2048\n", NULL);
	sys_device("vdb", "vdb2", "1024\n", "2\n");
	sys_device("", "sr0", "700\n", NULL);
	sys_device("", "ram0", "8192\n", NULL);	/* never probed */
	sys_device("", "loop0", "0\n", NULL);	/* empty: never probed */
	sys_device("", "dm-0", "4096\n", NULL);	/* LVM's: no hdN */
	snprintf(dir, sizeof(dir), "%s/sys/devices/dm-0/dm", tmp);
	mkdir(dir, 0755);
	write_file("sys/devices/dm-0/dm/name", "vg0-root\n");
	write_file("sys/devices/dm-0/dm/uuid", "LVM-X6tAsqyGuOBnBOgt\n");
	snprintf(dev, sizeof(dev), "%s/dev", tmp);	/* no nodes there */
	mkdir(dev, 0755);
	snprintf(dir, sizeof(dir), "%s/sys/class/block", tmp);
	CHECK(devices_from_sysfs(dir, dev, &all) == 0);
	/* Each node missing: listed with the reason, nothing mounted. */
	CHECK_EQ(all.n, 5);
	d = named(&all, "vdb2");
	CHECK(d && !strcmp(d->grub, "hd1,msdos2"));
	CHECK(d && d->problem && !strcmp(d->problem,
					  "No such file or directory"));
	d = named(&all, "vda");
	CHECK(d && !strcmp(d->grub, "hd0"));
	d = named(&all, "dm-0");
	CHECK(d && !strcmp(d->grub, "lvm/vg0-root"));
	d = named(&all, "sr0");
	CHECK(d && !strcmp(d->grub, "cd0"));
	CHECK(!named(&all, "ram0") && !named(&all, "loop0"));
	devices_free(&all);
}

/*
 * A hybrid ISO image: its partition 1 holds the disk's own file system
 * again (the same type and UUID), and is left out; partition 2, another
 * file system, stays.  The nodes are ext4 images (no root needed).
 */
static void test_partition_repeats_disk(void)
{
	struct menu_devices all;
	char dir[512], cmd[1024];

	make_sys("sys");
	snprintf(dir, sizeof(dir), "%s/hybrid", tmp);
	mkdir(dir, 0755);
	snprintf(cmd, sizeof(cmd), "cd %s && mkfs.ext4 -q -F -U "
		 "0f1e2d3c-0000-4000-8000-0123456789ab vdh 1M >/dev/null "
		 "2>&1 && cp vdh vdh1 && mkfs.ext4 -q -F vdh2 1M >/dev/null "
		 "2>&1", dir);
	if (system(cmd) != 0) {
		tap_skip("mkfs.ext4 is missing (e2fsprogs)");
		return;
	}
	sys_device("", "vdh", "2048\n", NULL);
	sys_device("vdh", "vdh1", "1024\n", "1\n");
	sys_device("vdh", "vdh2", "1024\n", "2\n");
	snprintf(dir, sizeof(dir), "%s/sys/class/block", tmp);
	snprintf(cmd, sizeof(cmd), "%s/hybrid", tmp);
	CHECK(devices_from_sysfs(dir, cmd, &all) == 0);
	CHECK(named(&all, "vdh") && named(&all, "vdh2"));
	CHECK(!named(&all, "vdh1"));
	devices_free(&all);
}

/* libblkid on an ext4 image that mkfs.ext4 made (no root needed). */
static void test_blkid(void)
{
	struct menu_device d = { 0 };
	char cmd[1024], image[512], *scheme;

	snprintf(image, sizeof(image), "%s/ext4.img", tmp);
	snprintf(cmd, sizeof(cmd), "mkfs.ext4 -q -F -L menu-test -U "
		 "5e1f2a3b-0000-4000-8000-0123456789ab %s 1M >/dev/null 2>&1",
		 image);
	if (system(cmd) != 0) {
		tap_skip("mkfs.ext4 is missing (e2fsprogs)");
		return;
	}
	CHECK(blkid_identify(image, &d, &scheme) == 0);
	CHECK(d.type && !strcmp(d.type, "ext4"));
	CHECK(d.uuid && !strcmp(d.uuid,
				"5e1f2a3b-0000-4000-8000-0123456789ab"));
	CHECK(d.label && !strcmp(d.label, "menu-test"));
	CHECK(!d.partuuid && !scheme);	/* no partition table */
	free(d.type);
	free(d.uuid);
	free(d.label);
	snprintf(image, sizeof(image), "%s/missing.img", tmp);
	d = (struct menu_device){ 0 };
	CHECK(blkid_identify(image, &d, &scheme) < 0 && !d.type);
}

/* TMP/lvm, a shell script doing BODY; PATH is TMP alone. */
static void fake_lvm(const char *body)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/lvm", tmp);
	f = fopen(path, "w");
	if (f) {
		fprintf(f, "#!/bin/sh\n%s\n", body);
		fclose(f);
	}
	chmod(path, 0755);
	setenv("PATH", tmp, 1);
}

static void test_no_lvm(void)
{
	char empty[600], why[256] = "";

	snprintf(empty, sizeof(empty), "%s/empty", tmp);
	mkdir(empty, 0755);
	setenv("PATH", empty, 1);
	CHECK(lvm_activate(5, why, sizeof(why)) == 0 && !why[0]);
}

static void test_activated(void)
{
	char why[256] = "", cmd[1200], args[256] = "";
	FILE *f;

	snprintf(cmd, sizeof(cmd), "echo \"$*\" >%s/args\necho '  1 logical "
		 "volume(s) in volume group \"vg0\" now active'", tmp);
	fake_lvm(cmd);
	CHECK(lvm_activate(5, why, sizeof(why)) == 0 && !why[0]);
	snprintf(cmd, sizeof(cmd), "%s/args", tmp);
	f = fopen(cmd, "r");
	if (f) {
		if (!fgets(args, sizeof(args), f))
			args[0] = '\0';
		fclose(f);
	}
	CHECK(!strcmp(args, "vgchange --activate y --sysinit\n"));
}

static void test_failed(void)
{
	char why[256] = "";

	fake_lvm("echo '  Volume group \"vg0\" not found' >&2\nexit 5");
	CHECK(lvm_activate(5, why, sizeof(why)) == -EIO);
	CHECK(!strcmp(why, "lvm vgchange: exit 5 (its message is above)"));
	fake_lvm("kill -9 $$");
	CHECK(lvm_activate(5, why, sizeof(why)) == -EIO);
	CHECK(!strcmp(why, "lvm vgchange: killed by signal 9"));
}

/* A hung lvm is killed after the timeout: the menu still comes. */
static void test_hung(void)
{
	char why[256] = "";
	time_t start = time(NULL);

	fake_lvm("exec /bin/sleep 30");
	CHECK(lvm_activate(1, why, sizeof(why)) == -ETIMEDOUT);
	CHECK(!strcmp(why, "lvm vgchange: no answer in 1 s, killed"));
	CHECK(time(NULL) - start < 10);
}

static void make_dir(const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", tmp, name);
	mkdir(path, 0755);
}

/* dm-N: GRUB's lvm/VG-LV for a logical volume, else the kernel's name. */
static void test_lvm_grub_names(void)
{
	char sys[512], grub[256];

	make_dir("block");
	make_dir("block/dm-0");
	make_dir("block/dm-0/dm");
	write_file("block/dm-0/dm/name", "vg--sys-root\n");
	write_file("block/dm-0/dm/uuid", "LVM-X6tAsqyGuOBnBOgtNh2yTg\n");
	make_dir("block/dm-1");
	make_dir("block/dm-1/dm");
	write_file("block/dm-1/dm/name", "luks-home\n");
	write_file("block/dm-1/dm/uuid", "CRYPT-LUKS2-0123-luks-home\n");
	snprintf(sys, sizeof(sys), "%s/block", tmp);
	CHECK(lvm_grub_name(sys, "dm-0", grub, sizeof(grub)) == 1 &&
	      !strcmp(grub, "lvm/vg--sys-root"));
	CHECK(lvm_grub_name(sys, "dm-1", grub, sizeof(grub)) == 1 &&
	      !strcmp(grub, "dm-1"));
	CHECK(lvm_grub_name(sys, "vda2", grub, sizeof(grub)) == 0);
}

int main(void)
{
	char cmd[64], *path;

	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 99;
	}
	test_table();
	test_bad_tables();
	test_map();
	test_sysfs_names();
	test_partition_repeats_disk();
	test_blkid();
	test_lvm_grub_names();
	path = strdup(getenv("PATH"));	/* the LVM tests set their own */
	test_no_lvm();
	test_activated();
	test_failed();
	test_hung();
	if (path)
		setenv("PATH", path, 1);
	free(path);
	CHECK(fs_type_supported("btrfs") && fs_type_supported("iso9660") &&
	      !fs_type_supported("swap") && !fs_type_supported(NULL));
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "# cannot remove %s\n", tmp);
	return tap_done();
}
