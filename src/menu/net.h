/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootimg-menu's network source: a link brought up, DHCP through
 * busybox's udhcpc, a pxelinux-style configuration (or one a URL
 * names) fetched with libcurl into files below /run, its kernels and
 * initrds fetched beside it and checked against their sha256.
 */
#ifndef BOOTIMG_MENU_NET_H
#define BOOTIMG_MENU_NET_H

#include <stddef.h>
#include "bootimg.h"
#include "entries.h"

/* What the command line asks of the network. */
struct net_params {
	int dhcp;		/* ip=dhcp, bootimg.net=1, --net */
	char *url;		/* bootimg.url=, --url: the configuration */
};

/* ip=dhcp, bootimg.net=1 and bootimg.url= of CMDLINE, added to P. */
void read_net_params(const char *cmdline, struct net_params *p);

/*
 * Add the network's entries and problems to LIST: DHCP on the first
 * link with carrier when P->dhcp (udhcpc with SCRIPT), then P->url or
 * the DHCP answer's boot file; files go below DIR.  0 or -ENOMEM;
 * everything else is a problem in the list.
 */
int net_collect(const struct net_params *p, const char *script,
		const char *dir, struct bootimg *ctx, struct menu_list *list);

/* --- the pieces, each in its own file --------------------------------- */

/*
 * URL resolution (url.c).  url_resolve: REF against BASE as a browser
 * would for these forms: "scheme://..." as is, "/path" at BASE's
 * server, "name" beside BASE's last "/".  url_config_base: where the
 * paths of the configuration at URL are relative to: its directory,
 * or the parent of a "pxelinux.cfg/" one (PXELINUX's working
 * directory).  New strings, or NULL (ENOMEM, or EINVAL: BASE has no
 * scheme).
 */
char *url_resolve(const char *base, const char *ref);
char *url_config_base(const char *url);
/*
 * Cut "#sha256=HEX" off URL (in place) into HEX: 1 when it had one, 0
 * when not, -EINVAL when HEX is not 64 hexadecimal digits.
 */
int url_take_sha256(char *url, char hex[65]);
/* S is 64 hexadecimal digits: 1 or 0. */
int sha256_hex_valid(const char *s);

/*
 * The names PXELINUX tries in pxelinux.cfg/, in its order (pxe-names.c):
 * the machine's UUID (or none: NULL), "01-" and the MAC with dashes
 * (ARP type 1: Ethernet), the IPv4 address in upper-case hexadecimal
 * shortened one digit at a time, "default".  MAC as sysfs gives it
 * ("52:54:00:12:34:56"), IP dotted.  Returns how many were written to
 * NAMES (a bad MAC or IP is left out).
 */
#define PXE_MAX_NAMES 11
#define PXE_NAME_SIZE 72
size_t pxe_config_names(const char *uuid, unsigned arp_type, const char *mac,
			const char *ip, char names[PXE_MAX_NAMES][PXE_NAME_SIZE]);

/* The sha256 of the file PATH in lower-case hex (sha256.c): 0 or -errno. */
int sha256_file(const char *path, char hex[65]);

/*
 * Fetch URL (http, https, tftp, file) into the file PATH, its
 * directories made, at most FETCH_MAX_BYTES, FETCH_TIMEOUT seconds
 * (fetch.c).  0; -ENOENT when the server has no such file; another
 * negative errno with the cause in WHY.  A failed fetch leaves no file.
 */
#define FETCH_MAX_BYTES (1024L * 1024 * 1024)
#define FETCH_TIMEOUT 300
#define FETCH_CONNECT_TIMEOUT 10
int fetch_url(const char *url, const char *path, char *why, size_t size);
/* mkdir -p PATH's directory (mode 0700): 0 or -errno. */
int fetch_make_parents(const char *path);

/*
 * Bring every link of SYS_NET (/sys/class/net) but lo up and wait at
 * most WAIT_MS for one with carrier; NAME gets the first such, in name
 * order (net-link.c).  0, -ENODEV (no link), -ETIMEDOUT (no carrier)
 * or another negative errno.
 */
int net_link_up(const char *sys_net, int wait_ms, char *name, size_t size);

/* What DHCP answered (net-dhcp.c), as udhcpc's script wrote it. */
struct dhcp_lease {
	char ip[64], siaddr[64], serverid[64];
	char tftp[256];		/* option 66, the TFTP server */
	char bootfile[256];	/* option 67, else the BOOTP file field */
};
/*
 * Run udhcpc on IFNAME with SCRIPT, which writes the lease to
 * LEASE_PATH ($BOOTIMG_MENU_LEASE), and read it into L.  0, or a
 * negative errno with the cause in WHY.
 */
int dhcp_run(const char *ifname, const char *script, const char *lease_path,
	     struct dhcp_lease *l, char *why, size_t size);
/* Read LEASE_PATH's "KEY=VALUE" lines into L: 0 or -errno. */
int dhcp_read_lease(const char *lease_path, struct dhcp_lease *l);

#endif
