// SPDX-License-Identifier: GPL-2.0-or-later
#include <string.h>
#include "reboot-oneshot.h"

int oneshot_command(const struct stage_request *req, struct strv *argv)
{
	if (req->source != STAGE_ENTRY ||
	    (req->entry && strcmp(req->entry, "@oneshot")))
		return 0;
	strv_push(argv, "mkbootcmd");
	strv_push(argv, "--consume-oneshot");
	if (req->config)
		strv_push_option(argv, "--config", req->config);
	if (req->boot_dir)
		strv_push_option(argv, "--boot-dir", req->boot_dir);
	return 1;
}
