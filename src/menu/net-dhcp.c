// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * DHCP through busybox's udhcpc, not a client of our own: udhcpc -q
 * gets one lease (or gives up after its tries) and calls its script,
 * which configures the link and writes the answer, "KEY=VALUE" lines,
 * to $BOOTIMG_MENU_LEASE (udhcpc.script, installed in /usr/share/bootimg).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "net.h"

/* udhcpc's tries and seconds between them: at most about 12 s. */
#define DHCP_TRIES "4"
#define DHCP_WAIT "3"

static void keep(char *dst, size_t size, const char *value)
{
	if (!*dst)		/* the first line for a key wins */
		snprintf(dst, size, "%s", value);
}

int dhcp_read_lease(const char *lease_path, struct dhcp_lease *l)
{
	FILE *f = fopen(lease_path, "re");
	char line[512], *value;

	*l = (struct dhcp_lease){ 0 };
	if (!f)
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		value = strchr(line, '=');
		if (!value)
			continue;
		*value++ = '\0';
		if (!strcmp(line, "ip"))
			keep(l->ip, sizeof(l->ip), value);
		else if (!strcmp(line, "siaddr"))
			keep(l->siaddr, sizeof(l->siaddr), value);
		else if (!strcmp(line, "serverid"))
			keep(l->serverid, sizeof(l->serverid), value);
		else if (!strcmp(line, "tftp"))
			keep(l->tftp, sizeof(l->tftp), value);
		else if (!strcmp(line, "bootfile") || !strcmp(line, "boot_file"))
			keep(l->bootfile, sizeof(l->bootfile), value);
	}
	fclose(f);
	return l->ip[0] ? 0 : -ENODATA;
}

int dhcp_run(const char *ifname, const char *script, const char *lease_path,
	     struct dhcp_lease *l, char *why, size_t size)
{
	const char *argv[] = {
		"udhcpc", "-i", ifname, "-s", script, "-f", "-q", "-n",
		"-t", DHCP_TRIES, "-T", DHCP_WAIT, "-O", "tftp", "-O", "bootfile",
		NULL
	};
	int status, err;
	pid_t pid;

	unlink(lease_path);
	pid = fork();
	if (pid == 0) {
		setenv("BOOTIMG_MENU_LEASE", lease_path, 1);
		dup2(STDERR_FILENO, STDOUT_FILENO);	/* keep stdout ours */
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		err = -errno;
		snprintf(why, size, "udhcpc: %s", strerror(-err));
		return err;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) {
		snprintf(why, size, "udhcpc did not run (busybox's, on PATH)");
		return -ENOENT;
	}
	if (WEXITSTATUS(status)) {
		snprintf(why, size, "%s: no DHCP lease", ifname);
		return -ETIMEDOUT;
	}
	err = dhcp_read_lease(lease_path, l);
	if (err)
		snprintf(why, size, "%s: %s: %s (the udhcpc script %s)",
			 ifname, lease_path, strerror(-err), script);
	return err;
}
