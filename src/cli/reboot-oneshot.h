/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Consuming the boot loader's one-shot entry once it is staged. */
#ifndef BOOTIMG_CLI_REBOOT_ONESHOT_H
#define BOOTIMG_CLI_REBOOT_ONESHOT_H

#include "strv.h"
#include "reboot-stage.h"

/*
 * The mkbootcmd command that consumes the boot loader's one-shot entry
 * after REQ's entry was staged, into ARGV; 0 when there is none to run:
 * only what boots next (REQ->entry NULL) or @oneshot is the one-shot.
 */
int oneshot_command(const struct stage_request *req, struct strv *argv);

#endif
