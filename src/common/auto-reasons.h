/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Why the auto method took its way (enum bootimg_auto_reason), in words
 * and as a JSON key: libbootimg's -v line and bootimg --check say the
 * same.
 */
#ifndef BOOTIMG_AUTO_REASONS_H
#define BOOTIMG_AUTO_REASONS_H

#include "bootimg.h"

/* "kexec_file_load, because the kernel is locked down"; NULL if none. */
const char *auto_reason_text(enum bootimg_auto_reason reason);
/* "lockdown"; "unknown" for a value without a name. */
const char *auto_reason_key(enum bootimg_auto_reason reason);

#endif
