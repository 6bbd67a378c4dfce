// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg-menu: the boot menu of a first-stage system.  It finds every
 * block device, mounts its file system read-only, reads the boot loader
 * configurations on it with libbootcfg and boots the chosen entry with
 * libbootimg; with the network asked for, a pxelinux configuration
 * fetched over HTTP(S) or TFTP too (net-collect.c).  See bootimg-menu(8).
 */
#include <errno.h>
#include <popt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "menu.h"
#include "net.h"
#include "sysroot.h"

#define MOUNT_BASE "/run/bootimg-menu"
#define DEFAULT_TIMEOUT 10
#define LVM_TIMEOUT 30		/* seconds lvm vgchange may take */
#define NET_DIR "/run/bootimg-menu-net"
#define DHCP_SCRIPT PKGDATADIR "/udhcpc.script"

struct options {
	int list, json, dry_run, version, net;
	char *timeout, *entry, *test_devices, *url, *dhcp_script;
};

static int usage_error(poptContext pc, const char *message)
{
	fprintf(stderr, "bootimg-menu: %s\n", message);
	poptPrintUsage(pc, stderr, 0);
	return MENU_EXIT_USAGE;
}

/*
 * The devices: the test table, or /sys/class/block with mounts, LVM's
 * volume groups activated first by root; why that failed in LVM_WHY.
 */
static int find_devices(const struct options *o, struct menu_devices *all,
			char *lvm_why, size_t size)
{
	char why[4200];
	int err;

	if (o->test_devices) {
		err = devices_from_table(o->test_devices, all, why,
					 sizeof(why));
		if (err)
			fprintf(stderr, "bootimg-menu: %s\n", why);
		return err ? MENU_EXIT_TABLE : MENU_EXIT_OK;
	}
	if (geteuid() == 0)
		lvm_activate(LVM_TIMEOUT, lvm_why, size);
	err = devices_from_sysfs("/sys/class/block", "/dev", all);
	if (err) {
		fprintf(stderr, "bootimg-menu: /sys/class/block: %s\n",
			strerror(-err));
		return MENU_EXIT_FAILED;
	}
	devices_mount(all, MOUNT_BASE);
	return MENU_EXIT_OK;
}

/* The device map for libbootcfg, in memory: its fd, or -1. */
static int write_map(const struct menu_devices *all, char *path,
		     size_t size)
{
	int fd = memfd_create("bootimg-menu-device-map", MFD_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(dup(fd), "w") : NULL;

	if (!f) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	devices_write_map(all, f);
	fclose(f);
	snprintf(path, size, "/proc/self/fd/%d", fd);
	return fd;
}

static char *read_proc_cmdline(void)
{
	FILE *f = fopen("/proc/cmdline", "re");
	char *line = NULL;
	size_t size = 0;

	if (f && getline(&line, &size, f) < 0) {
		free(line);
		line = NULL;
	}
	if (f)
		fclose(f);
	return line;
}

/* The entry to select: --entry, else bootimg.entry=, else the default. */
static int choose(const struct options *o, const char *from_cmdline,
		  const struct menu_list *list, long *selected)
{
	const char *want = o->entry ? o->entry : from_cmdline;

	*selected = list->default_entry;
	if (!want)
		return MENU_EXIT_OK;
	*selected = menu_find(list, want);
	if (*selected >= 0)
		return MENU_EXIT_OK;
	fprintf(stderr, "bootimg-menu: %s%s: no such entry (number, id or "
		"title)\n", o->entry ? "--entry=" : "bootimg.entry=", want);
	*selected = list->default_entry;
	return o->entry ? MENU_EXIT_NO_ENTRY : MENU_EXIT_OK;
}

/* The network's entries after the disks', when it is asked for. */
static int collect_net(const struct options *o, struct net_params *net,
		       struct bootimg *ctx, struct menu_list *list)
{
	char *dir;
	int err;

	if (o->net)
		net->dhcp = 1;
	if (o->url) {
		free(net->url);
		net->url = strdup(o->url);
		if (!net->url)
			return -ENOMEM;
	}
	if (!net->dhcp && !net->url)
		return 0;
	dir = sysroot_path(NET_DIR);
	err = net_collect(net, o->dhcp_script ? o->dhcp_script : DHCP_SCRIPT,
			  dir, ctx, list);
	free(dir);
	return err;
}

static int menu(const struct options *o, int timeout, const char *entry,
		struct net_params *net, struct bootimg *ctx)
{
	struct menu_devices all;
	struct menu_list list;
	char map[64], lvm_why[512] = "";
	long selected;
	int code = find_devices(o, &all, lvm_why, sizeof(lvm_why)), fd, err;

	if (code != MENU_EXIT_OK)
		return code;
	fd = write_map(&all, map, sizeof(map));
	err = menu_collect(&all, fd >= 0 ? map : NULL, ctx, &list);
	if (fd >= 0)
		close(fd);
	if (!err && lvm_why[0] && menu_problem(&list, "lvm", lvm_why)) {
		menu_list_free(&list);
		err = -ENOMEM;
	}
	if (!err)
		err = collect_net(o, net, ctx, &list);
	if (err) {
		fprintf(stderr, "bootimg-menu: %s\n", strerror(-err));
		code = MENU_EXIT_FAILED;
	} else if (o->list) {
		if (o->json)
			list_json(stdout, &list);
		else
			list_text(stdout, &list);
		code = list.n ? MENU_EXIT_OK : MENU_EXIT_NOTHING;
	} else if (!list.n) {
		list_text(stderr, &list);
		fputs("bootimg-menu: no bootable entry on any device\n",
		      stderr);
		code = MENU_EXIT_NOTHING;
	} else if ((code = choose(o, entry, &list, &selected)) ==
		   MENU_EXIT_OK) {
		code = menu_run(stdin, stdout, ctx, &list, selected, timeout,
				o->dry_run);
	}
	menu_list_free(&list);
	if (!o->test_devices)
		devices_unmount(&all);
	devices_free(&all);
	return code;
}

static int run(poptContext pc, const struct options *o)
{
	int timeout = DEFAULT_TIMEOUT, code;
	char *cmdline, *entry = NULL, *end;
	struct net_params net = { 0 };
	struct bootimg *ctx;
	long t;

	if (o->version) {
		printf("bootimg-menu %s\n", PACKAGE_VERSION);
		return MENU_EXIT_OK;
	}
	if (poptPeekArg(pc))
		return usage_error(pc, "too many arguments");
	if (o->json && !o->list)
		return usage_error(pc, "--json goes with --list");
	cmdline = read_proc_cmdline();
	if (cmdline) {
		read_boot_params(cmdline, &timeout, &entry);
		read_net_params(cmdline, &net);
	}
	free(cmdline);
	if (o->timeout) {
		t = strtol(o->timeout, &end, 10);
		if (!*o->timeout || *end || t < 0 || t > 86400) {
			free(entry);
			free(net.url);
			return usage_error(pc, "--timeout takes seconds, from "
					       "0 (boot at once) to 86400");
		}
		timeout = (int)t;
	}
	if (bootimg_new(&ctx) < 0) {
		fprintf(stderr, "bootimg-menu: %s\n", strerror(ENOMEM));
		free(entry);
		free(net.url);
		return MENU_EXIT_FAILED;
	}
	code = menu(o, timeout, entry, &net, ctx);
	bootimg_free(ctx);
	free(entry);
	free(net.url);
	return code;
}

int main(int argc, const char **argv)
{
	static struct options o;
	const struct poptOption table[] = {
		{ "list", 'l', POPT_ARG_NONE, &o.list, 0,
		  "list the entries (* marks the default) and the problems "
		  "found, then exit", NULL },
		{ "json", '\0', POPT_ARG_NONE, &o.json, 0,
		  "with --list: print one JSON object", NULL },
		{ "dry-run", 'n', POPT_ARG_NONE, &o.dry_run, 0,
		  "print what the chosen entry would load instead of booting "
		  "it", NULL },
		{ "timeout", 't', POPT_ARG_STRING, &o.timeout, 0,
		  "seconds before the selected entry boots; 0 boots it at "
		  "once (default: bootimg.timeout= of the kernel's command "
		  "line, else 10)", "SECONDS" },
		{ "entry", 'e', POPT_ARG_STRING, &o.entry, 0,
		  "select this entry: its number, id or title (default: "
		  "bootimg.entry=, else the configuration's default)",
		  "ENTRY" },
		{ "net", '\0', POPT_ARG_NONE, &o.net, 0,
		  "bring the first link with carrier up, run DHCP (udhcpc) "
		  "and search its boot server as PXELINUX does (default: "
		  "ip=dhcp or bootimg.net=1 on the kernel's command line)",
		  NULL },
		{ "url", '\0', POPT_ARG_STRING, &o.url, 0,
		  "fetch the configuration from this URL (http, https, tftp, "
		  "file; #sha256=HEX checks it) (default: bootimg.url=)",
		  "URL" },
		{ "dhcp-script", '\0', POPT_ARG_STRING, &o.dhcp_script, 0,
		  "udhcpc's script, which writes the lease to "
		  "$BOOTIMG_MENU_LEASE (default: " DHCP_SCRIPT ")", "FILE" },
		{ "test-devices", '\0', POPT_ARG_STRING, &o.test_devices, 0,
		  "for tests: read the devices from this table instead of "
		  "/sys/class/block, and mount nothing", "FILE" },
		{ "version", 'V', POPT_ARG_NONE, &o.version, 0,
		  "print the version", NULL },
		POPT_AUTOHELP
		POPT_TABLEEND
	};
	poptContext pc = poptGetContext("bootimg-menu", argc, argv, table, 0);
	int rc = poptGetNextOpt(pc);

	if (rc < -1) {
		fprintf(stderr, "bootimg-menu: %s: %s\n",
			poptBadOption(pc, POPT_BADOPTION_NOALIAS),
			poptStrerror(rc));
		poptFreeContext(pc);
		return MENU_EXIT_USAGE;
	}
	rc = run(pc, &o);
	poptFreeContext(pc);
	free(o.timeout);
	free(o.entry);
	free(o.test_devices);
	free(o.url);
	free(o.dhcp_script);
	return rc;
}
