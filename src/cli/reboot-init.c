// SPDX-License-Identifier: GPL-2.0-or-later
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include "macros.h"
#include "reboot-init.h"

/* systemd: kexec.target stops everything, then reboot(KEXEC). */
static const char *const systemd_kexec[] = { "systemctl", "kexec", NULL };
static const char *const systemd_reboot[] = { "systemctl", "reboot", NULL };

/*
 * sysvinit: runlevel 6.  The bootimg-exec init script runs `bootimg
 * --exec` after umountroot, just before the final reboot script; with
 * nothing staged it does nothing and the reboot goes through the firmware.
 */
static const char *const sysvinit_reboot[] = { "reboot", NULL };

/* No init system to ask (a rescue shell, an initramfs): at once. */
static const char *const direct_kexec[] = { "bootimg", "--exec", NULL };
static const char *const direct_reboot[] = { "reboot", "-f", NULL };

static const struct init_system systems[] = {
	{ "systemd", systemd_kexec, systemd_reboot },
	{ "sysvinit", sysvinit_reboot, sysvinit_reboot },
	{ "direct", direct_kexec, direct_reboot },
};

static const struct init_system *running(void)
{
	struct stat st;

	if (stat("/run/systemd/system", &st) == 0 && S_ISDIR(st.st_mode))
		return &systems[0];
	return &systems[1];
}

const struct init_system *init_system_find(const char *name)
{
	size_t i;

	if (!name || strcmp(name, "auto") == 0)
		return running();
	for (i = 0; i < ARRAY_SIZE(systems); i++) {
		if (strcmp(name, systems[i].name) == 0)
			return &systems[i];
	}
	return NULL;
}
