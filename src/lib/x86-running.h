/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The zero page the running kernel was booted with. */
#ifndef BOOTIMG_X86_RUNNING_H
#define BOOTIMG_X86_RUNNING_H

#include <asm/bootparam.h>

struct bootimg;

/*
 * Read /sys/kernel/boot_params/data into BP (zeroed first); -ENOENT if the
 * running kernel does not show it, -EINVAL if it is short.
 */
int bi_x86_read_running_params(struct bootimg *ctx, struct boot_params *bp);

#endif
