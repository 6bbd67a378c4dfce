// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Consuming GRUB's one-shot entry (grub-reboot's next_entry) the way
 * grub-editenv unsets a variable: its "name=value" line leaves the
 * 1024-byte environment block, the rest moves up and '#' pads the end.
 * The new block goes to a temporary file in the same directory, synced,
 * then renamed over grubenv, so that a crash leaves the old block or
 * the new one, never half of each.
 */
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "efivar.h"
#include "oneshot.h"

#define GRUBENV_SIZE 1024
#define GRUBENV_HEADER "# GRUB Environment Block\n"
#define GRUBENV_NEW "grubenv.bootimg-new"

/* The end of the line at P (past its newline): backslashes escape. */
static char *line_end(char *p, char *end)
{
	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (*p == '\n')
			return p + 1;
	}
	return end;
}

/* The "NAME=" line with a value in BLOCK, or NULL; *LEN its length. */
static char *find_var(char *block, const char *name, size_t *len)
{
	char *p = block + strlen(GRUBENV_HEADER), *end = block + GRUBENV_SIZE;
	size_t n = strlen(name);

	while (p < end) {
		char *next = line_end(p, end);

		if (!strncmp(p, name, n) && p[n] == '=' && p[n + 1] != '\n' &&
		    p + n + 1 < next) {
			*len = (size_t)(next - p);
			return p;
		}
		p = next;
	}
	return NULL;
}

static int write_block(struct bc_parse *p, int dir, const char *dir_path,
		       const char *block, mode_t mode)
{
	int fd = openat(dir, GRUBENV_NEW, O_WRONLY | O_CREAT | O_TRUNC |
			O_NOFOLLOW | O_CLOEXEC, mode & 07777);
	int ok;

	if (fd < 0)
		return bc_fail(p, dir_path, 0, -errno, "cannot write "
			       GRUBENV_NEW ": %s", strerror(errno));
	ok = write(fd, block, GRUBENV_SIZE) == GRUBENV_SIZE && !fsync(fd);
	ok = !close(fd) && ok && !renameat(dir, GRUBENV_NEW, dir, "grubenv");
	if (!ok) {
		int err = -errno;

		unlinkat(dir, GRUBENV_NEW, 0);
		return bc_fail(p, dir_path, 0, err ? err : -EIO,
			       "cannot replace grubenv: %s",
			       strerror(err ? -err : EIO));
	}
	fsync(dir);
	return 1;
}

static int consume(struct bc_parse *p, int dir, const char *dir_path)
{
	char block[GRUBENV_SIZE + 1], *line;
	struct stat st;
	size_t len;
	ssize_t got;
	int fd = openat(dir, "grubenv", O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0 && errno == ENOENT)
		return 0;	/* no environment block, no one-shot */
	if (fd < 0)
		return bc_fail(p, dir_path, 0, -errno, "grubenv: %s",
			       strerror(errno));
	got = fstat(fd, &st) ? -1 : read(fd, block, sizeof(block));
	close(fd);
	if (got != GRUBENV_SIZE || !S_ISREG(st.st_mode) ||
	    strncmp(block, GRUBENV_HEADER, strlen(GRUBENV_HEADER)))
		return bc_fail(p, dir_path, 0, -EBADMSG, "grubenv is not a "
			       "GRUB environment block (1024 bytes after its "
			       "header line); leaving it alone");
	line = find_var(block, "next_entry", &len);
	if (!line)
		return 0;
	memmove(line, line + len, (size_t)(block + GRUBENV_SIZE - line - len));
	memset(block + GRUBENV_SIZE - len, '#', len);
	return write_block(p, dir, dir_path, block, st.st_mode);
}

/* bootcfg_consume_next_entry() past the edge. */
static int consume_next_entry(const struct bootcfg_options *options,
			      const struct bootcfg *cfg,
			      struct bc_error *error)
{
	struct bc_parse p;
	char *boot_dir, *copy, *value, *dir_path;
	int dir, ret = bc_host_parse(&p, options, error, &boot_dir);

	if (!ret && !strcmp(cfg->format->name, "bls")) {
		/* systemd-boot: its LoaderEntryOneShot EFI variable. */
		ret = bc_efivar_get(&p, "LoaderEntryOneShot", &value);
		free(value);
		if (ret > 0) {	/* a read error is in p's error already */
			ret = bc_efivar_delete(&p, "LoaderEntryOneShot");
			ret = ret ? bc_fail(&p, "LoaderEntryOneShot", 0, ret,
					    "cannot consume it: %s",
					    strerror(-ret)) : 1;
		}
	}
	if (ret || strcmp(cfg->format->name, "grub")) {
		free(boot_dir);
		return ret;	/* no other loader keeps a one-shot */
	}
	copy = bc_strdup0(cfg->path);
	if (!copy) {
		free(boot_dir);
		return -ENOMEM;
	}
	dir_path = dirname(copy);
	dir = bc_fs_open(&p, dir_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ret = dir < 0 ? bc_fail(&p, dir_path, 0, dir, "%s", strerror(-dir))
		      : consume(&p, dir, dir_path);
	if (dir >= 0)
		close(dir);
	free(copy);
	free(boot_dir);
	return ret;
}

int bootcfg_consume_next_entry(const struct bootcfg_options *options,
			       const struct bootcfg *cfg,
			       struct bootcfg_error *error)
{
	struct bootcfg_options o;
	struct bc_error e;
	int err = bc_edge_in(options, &o, error, &e);

	if (!err)
		err = consume_next_entry(&o, cfg, &e);
	return bc_edge_out(err, &e, error);
}
