/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Which driver serves /dev/bootimg: the module bootimg.ko, or the driver
 * built into the kernel by bootimg's kernel patch (make kernel-patch).
 */
#ifndef BOOTIMG_CLI_DRIVER_KIND_H
#define BOOTIMG_CLI_DRIVER_KIND_H

/*
 * "the in-tree bootimg driver" when it is built in, else "bootimg.ko"
 * (for -v).  Built in: /sys/module/bootimg has no initstate, which only
 * a loadable module has, and either the directory is there (the driver's
 * parameters) or, without sysfs, /dev/bootimg is there and /proc/modules
 * does not list bootimg.  Read below $BOOTIMG_SYSROOT.
 */
const char *driver_name(void);

#endif
