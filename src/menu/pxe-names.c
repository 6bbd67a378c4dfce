// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The configuration file names PXELINUX looks for in pxelinux.cfg/, in
 * its order: the machine's UUID, the hardware type and address in
 * lower-case hex with dashes ("01-52-54-00-12-34-56"), the IPv4 address
 * in upper-case hex (10.0.2.15: "0A00020F"), then that shortened one
 * digit at a time down to one, and "default".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "net.h"

/* "01-aa-bb-..." from "aa:bb:..." into OUT: 1, or 0 if MAC is not one. */
static int mac_name(unsigned arp_type, const char *mac, char *out)
{
	size_t len = strlen(mac), i, n = (len + 1) / 3;

	if (!len || len % 3 != 2 || 3 + 3 * n > PXE_NAME_SIZE || arp_type > 255)
		return 0;
	for (i = 0; i < len; i++)
		if (i % 3 == 2 ? mac[i] != ':' :
		    !strchr("0123456789abcdefABCDEF", mac[i]))
			return 0;
	out += sprintf(out, "%02x", arp_type);
	for (i = 0; i < n; i++)
		out += sprintf(out, "-%c%c", mac[3 * i] | 0x20,
			       mac[3 * i + 1] | 0x20);
	return 1;
}

size_t pxe_config_names(const char *uuid, unsigned arp_type, const char *mac,
			const char *ip, char names[PXE_MAX_NAMES][PXE_NAME_SIZE])
{
	struct in_addr addr;
	size_t n = 0;
	int digits;

	if (uuid && *uuid && strlen(uuid) < PXE_NAME_SIZE)
		snprintf(names[n++], PXE_NAME_SIZE, "%s", uuid);
	if (mac && mac_name(arp_type, mac, names[n]))
		n++;
	if (ip && inet_pton(AF_INET, ip, &addr) == 1)
		for (digits = 8; digits > 0; digits--)
			snprintf(names[n++], PXE_NAME_SIZE, "%.*X", digits,
				 ntohl(addr.s_addr) >> (4 * (8 - digits)));
	snprintf(names[n++], PXE_NAME_SIZE, "default");
	return n;
}
