/* SPDX-License-Identifier: GPL-2.0-or-later */
/* How each init system reboots: into the staged kernel, or the normal way. */
#ifndef BOOTIMG_CLI_REBOOT_INIT_H
#define BOOTIMG_CLI_REBOOT_INIT_H

struct init_system {
	const char *name;
	/* An orderly shutdown that ends in the staged kernel. */
	const char *const *kexec;
	/* An orderly shutdown that ends in a firmware reboot. */
	const char *const *reboot;
};

/*
 * The init system called NAME (systemd, sysvinit, direct), or for "auto"
 * or NULL the running one: systemd if /run/systemd/system is a directory,
 * else sysvinit.  NULL for an unknown NAME.
 */
const struct init_system *init_system_find(const char *name);

#endif
