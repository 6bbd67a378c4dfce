/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The load methods' names, one table read both ways: libbootimg names a
 * method (bootimg_method_name) and the bootimg CLI parses --method.
 */
#ifndef BOOTIMG_METHOD_NAMES_H
#define BOOTIMG_METHOD_NAMES_H

#include "bootimg.h"

/* "auto", "file", "kexec", "module"; "unknown" for anything else. */
const char *method_name(enum bootimg_method method);
/* The method called NAME: 0, or -EINVAL if there is none. */
int method_from_name(const char *name, enum bootimg_method *method);

#endif
