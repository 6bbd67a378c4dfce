// SPDX-License-Identifier: GPL-2.0-or-later
/* bootimg-menu built --without-net: the network asked for is a problem. */
#include "net.h"

int net_collect(const struct net_params *p, const char *script,
		const char *dir, struct bootimg *ctx, struct menu_list *list)
{
	(void)p, (void)script, (void)dir, (void)ctx;
	return menu_problem(list, "network", "bootimg-menu was built without "
			    "its network source (configure --without-net)");
}
