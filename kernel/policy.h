/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The kernel's kexec policies, applied to the driver (policy.c). */
#ifndef BOOTIMG_POLICY_H
#define BOOTIMG_POLICY_H

int bootimg_load_permitted(void);
int bootimg_locked_down(void);
void bootimg_log_caller(const char *what);

#endif
