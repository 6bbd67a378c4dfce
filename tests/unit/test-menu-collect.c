// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg-menu's configuration search on the fixture devices of
 * tests/fixtures/menu, without root: GRUB's search by UUID, label and
 * file resolved against the device table, an ESP's grub.cfg handing
 * over to /boot's, BLS, isolinux and btrfs's "@"; a corrupt grub.cfg, a
 * device that did not mount and a missing kernel listed as problems.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "entries.h"
#include "fake-bzimage.h"
#include "files.h"
#include "menu.h"
#include "tap.h"

static char tmp[] = "/tmp/test-menu-collect.XXXXXX";

/* The fixture's empty vmlinuz-* files become small bzImages. */
static int fill_kernel(const char *path, const struct stat *st, int kind,
		       struct FTW *ftw)
{
	const char *base = path + ftw->base;
	size_t size = fake_bzimage_size();
	uint8_t *img;
	FILE *f;

	if (kind != FTW_F || st->st_size || strncmp(base, "vmlinuz", 7))
		return 0;
	img = malloc(size);
	f = fopen(path, "w");
	if (img && f) {
		fake_bzimage(img);
		fwrite(img, 1, size, f);
	}
	if (f)
		fclose(f);
	free(img);
	return 0;
}

static long find_title(const struct menu_list *list, const char *title)
{
	size_t i;

	for (i = 0; i < list->n; i++)
		if (!strcmp(list->v[i].title, title))
			return (long)i;
	return -1;
}

/* Entry TITLE's kernel is DIR/PATH of the fixture, found on SOURCE. */
static int kernel_is(const struct menu_list *list, const char *title,
		     const char *source, const char *path)
{
	long i = find_title(list, title);
	char want[512];

	snprintf(want, sizeof(want), "%s/menu/%s", tmp, path);
	if (i < 0)
		return 0;
	if (strcmp(list->v[i].kernel, want) || strcmp(list->v[i].source,
						      source)) {
		printf("# %s: %s on %s\n", title, list->v[i].kernel,
		       list->v[i].source);
		return 0;
	}
	return 1;
}

static int has_problem(const struct menu_list *list, const char *start,
		       const char *end)
{
	size_t i, n, m = strlen(end);

	for (i = 0; i < list->n_problems; i++) {
		n = strlen(list->problems[i]);
		if (!strncmp(list->problems[i], start, strlen(start)) &&
		    n >= m && !strcmp(list->problems[i] + n - m, end))
			return 1;
	}
	return 0;
}

static void test_collect(struct bootimg *ctx)
{
	struct menu_devices all;
	struct menu_list list;
	char path[512], why[512];
	long i;

	snprintf(path, sizeof(path), "%s/menu/devices", tmp);
	CHECK(devices_from_table(path, &all, why, sizeof(why)) == 0);
	/* The map from the table, as bootimg-menu writes it. */
	snprintf(path, sizeof(path), "%s/device-map", tmp);
	{
		FILE *f = fopen(path, "w");

		devices_write_map(&all, f);
		fclose(f);
	}
	CHECK(menu_collect(&all, path, ctx, &list) == 0);
	CHECK_EQ(list.n, 6);
	/* set default="0" of /boot's grub.cfg, reached through the ESP. */
	CHECK_EQ(list.default_entry, find_title(&list, "Debian GNU/Linux"));
	CHECK(kernel_is(&list, "Debian GNU/Linux", "vda2",
			"boot/vmlinuz-6.1.0-test"));
	i = find_title(&list, "Debian GNU/Linux");
	CHECK(i >= 0 && list.v[i].n_initrds == 1 &&
	      strstr(list.v[i].initrds[0], "/menu/boot/initrd.img-6.1.0-test"));
	CHECK(i >= 0 && !strcmp(list.v[i].cmdline,
				"root=UUID=root-uuid ro quiet"));
	CHECK(i >= 0 && !strcmp(list.v[i].id, "gnulinux-simple-0b6a55c4"));
	/* search --label and --file find the other disk. */
	CHECK(kernel_is(&list, "Other disk, by label", "vdb1",
			"other/vmlinuz-6.2.0-label"));
	CHECK(kernel_is(&list, "Other disk, by file", "vdb1",
			"other/vmlinuz-6.2.0-file"));
	CHECK(kernel_is(&list, "Fedora Linux (6.5.6-300.fc39.x86_64) 39 "
			"(Workstation Edition)", "vdc1",
			"bls/vmlinuz-6.5.6-300.fc39.x86_64"));
	/* GRUB reads btrfs's top level: /@/boot/... through search. */
	CHECK(kernel_is(&list, "Ubuntu", "vdf1",
			"btrfs/@/boot/vmlinuz-6.8.0-btrfs"));
	CHECK(kernel_is(&list, "Debian Live", "sr0",
			"iso/live/vmlinuz-6.1.0-live"));
	CHECK(find_title(&list, "UEFI Firmware Settings") < 0);
	CHECK_EQ(list.n_problems, 3);
	CHECK(has_problem(&list, "vda2: Debian GNU/Linux, with Linux "
			  "6.1.0-gone: /", "/menu/boot/vmlinuz-6.1.0-gone: "
			  "no such file"));
	CHECK(has_problem(&list, "vdd1: /",
			  "/menu/broken/grub/grub.cfg:2: { without a "
			  "matching }"));
	CHECK(has_problem(&list, "vde1: cannot mount (xfs): Structure needs "
			  "cleaning", ""));
	CHECK_EQ(menu_find(&list, "2"), 2);
	CHECK_EQ(menu_find(&list, "other-label"),
		 find_title(&list, "Other disk, by label"));
	CHECK_EQ(menu_find(&list, "Debian Live"),
		 find_title(&list, "Debian Live"));
	CHECK_EQ(menu_find(&list, "6"), -1);
	CHECK_EQ(menu_find(&list, "nothing of the kind"), -1);
	menu_list_free(&list);
	devices_free(&all);
}

static void make(const char *rel, int dir)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/places/%s", tmp, rel);
	if (dir) {
		mkdir(path, 0755);
		return;
	}
	f = fopen(path, "w");
	if (f)
		fclose(f);
}

/* Place I is ROOT, BOOT and CONFIG below $tmp/places ("" for none). */
static int place_is(const struct config_place *v, size_t n, size_t i,
		    const char *root, const char *boot, const char *config)
{
	char want[3][512];

	if (i >= n)
		return 0;
	snprintf(want[0], sizeof(want[0]), "%s/places%s", tmp, root);
	snprintf(want[1], sizeof(want[1]), "%s/places%s", tmp, boot);
	snprintf(want[2], sizeof(want[2]), "%s/places%s", tmp, config);
	return !strcmp(v[i].root, want[0]) && !strcmp(v[i].boot, want[1]) &&
	       (*config ? v[i].config && !strcmp(v[i].config, want[2]) :
			  !v[i].config);
}

/* btrfs's @ with @boot, a root's /boot, an ESP's EFI/VENDOR/grub.cfg. */
static void test_places(void)
{
	struct config_place *v;
	char dir[512];
	size_t n;

	make("", 1);
	make("@", 1);
	make("@boot", 1);
	make("boot", 1);
	make("EFI", 1);
	make("EFI/debian", 1);
	make("EFI/debian/grub.cfg", 0);
	make("EFI/BOOT", 1);		/* no grub.cfg: not a place */
	make("EFI/Linux", 1);		/* UKIs: read through boot_dir */
	make("EFI/Linux/grub.cfg", 0);
	snprintf(dir, sizeof(dir), "%s/places", tmp);
	CHECK(config_places(dir, &v, &n) == 0);
	CHECK_EQ(n, 3);
	CHECK(place_is(v, n, 0, "/@", "/@boot", ""));
	CHECK(place_is(v, n, 1, "", "/boot", ""));
	CHECK(place_is(v, n, 2, "", "", "/EFI/debian/grub.cfg"));
	config_places_free(v, n);
	snprintf(dir, sizeof(dir), "%s/places/@", tmp);	/* no /boot */
	CHECK(config_places(dir, &v, &n) == 0);
	CHECK(n == 1 && place_is(v, n, 0, "/@", "/@", ""));
	config_places_free(v, n);
}

/*
 * Links followed inside the file system, never out of it; without
 * openat2 (ENOSYS), not followed at all: the caller takes paths as
 * they are then.
 */
static void test_resolve(void)
{
	char dir[256], path[512], want[600], *got;
	int confined = have_openat2();

	snprintf(dir, sizeof(dir), "%s/places", tmp);
	make("boot/vmlinuz-1", 0);
	snprintf(path, sizeof(path), "%s/vmlinuz", dir);
	CHECK(symlink("/boot/vmlinuz-1", path) == 0);	/* on that disk */
	snprintf(path, sizeof(path), "%s/escape", dir);
	CHECK(symlink("../../../../../../etc/hostname", path) == 0);
	snprintf(path, sizeof(path), "%s/vmlinuz", dir);
	errno = 0;
	got = resolve_in(dir, path);
	snprintf(want, sizeof(want), "%s/boot/vmlinuz-1", dir);
	CHECK(confined ? got && !strcmp(got, want) : !got && errno == ENOSYS);
	free(got);
	snprintf(path, sizeof(path), "%s/escape", dir);
	errno = 0;
	got = resolve_in(dir, path);
	CHECK(!got && errno == (confined ? ENOENT : ENOSYS));
	free(got);	/* with openat2: DIR/etc/hostname, missing */
	errno = 0;
	got = resolve_in(dir, "/etc/hostname");
	CHECK(!got && errno == EXDEV);
	free(got);
}

static void test_boot_params(void)
{
	char *entry;
	int timeout = 10;

	read_boot_params("ro quiet bootimg.timeout=0 bootimg.entry=2",
			 &timeout, &entry);
	CHECK_EQ(timeout, 0);
	CHECK(entry && !strcmp(entry, "2"));
	free(entry);
	timeout = 10;
	read_boot_params("bootimg.entry=\"Debian GNU/Linux\" "
			 "bootimg.timeout=x", &timeout, &entry);
	CHECK_EQ(timeout, 10);	/* not a number: left alone */
	CHECK(entry && !strcmp(entry, "Debian GNU/Linux"));
	free(entry);
	read_boot_params("root=/dev/vda1\n", &timeout, &entry);
	CHECK(entry == NULL);
}

int main(void)
{
	struct bootimg *ctx;
	char cmd[1024];

	if (!mkdtemp(tmp) || bootimg_new(&ctx) < 0) {
		perror("test-menu-collect");
		return 99;
	}
	snprintf(cmd, sizeof(cmd), "cp -r '%s' '%s/'", fixture("menu"), tmp);
	if (system(cmd) != 0)
		return 99;
	snprintf(cmd, sizeof(cmd), "%s/menu", tmp);
	nftw(cmd, fill_kernel, 16, FTW_PHYS);
	test_collect(ctx);
	test_places();
	test_resolve();
	test_boot_params();
	bootimg_free(ctx);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "# cannot remove %s\n", tmp);
	return tap_done();
}
