/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libbootcfg: read a boot loader's configuration (GRUB 2, Boot Loader
 * Specification entries and unified kernel images, syslinux/extlinux,
 * LILO) into a list of menu entries, without executing anything from it.
 *
 * Functions that can fail return 0 or a negative errno, and fill a
 * struct bootcfg_error when one is given (see below):
 *
 *   -EBADMSG  the configuration is malformed (error names file and line)
 *   -ENOENT   no boot loader configuration was found, or a file is missing
 *   -EACCES, -EISDIR, -ENXIO, -EFBIG   a file cannot be read
 *   -EINVAL   an unknown format name or a bad argument
 *   -ENOMEM   out of memory
 *
 * Extensible structs, as in <bootimg.h>: struct bootcfg_options and
 * struct bootcfg_error begin with SIZE, which the caller sets to the
 * size it was compiled with, { .size = sizeof(x) }.  A later version
 * only appends fields.  The library reads the first SIZE bytes of the
 * options (a field past them counts as zero; a larger struct's unknown
 * fields must be zero, else -E2BIG), writes at most SIZE bytes of the
 * error and sets SIZE to what it wrote.  A SIZE below this first
 * version's is -EINVAL, before anything is done.
 */
#ifndef BOOTCFG_H
#define BOOTCFG_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct bootcfg;

/* Where to look.  Every field but SIZE may be NULL. */
struct bootcfg_options {
	size_t size;		/* sizeof(struct bootcfg_options) */
	/* The configuration file or BLS entries directory; NULL: search. */
	const char *config;
	/* The boot partition as mounted now; NULL: ROOT/boot. */
	const char *boot_dir;
	/*
	 * The root file system; NULL: "/".  Files below it are opened as
	 * from a chroot (openat2 RESOLVE_IN_ROOT, Linux 5.6 and later):
	 * neither ".." nor a symlink leads out.
	 */
	const char *root;
	/* The format ("grub", "bls", "syslinux", "lilo"); NULL: detect. */
	const char *format;
	/* GRUB devices: "DEVICE DIRECTORY [uuid=UUID] [label=LABEL]" lines
	 * (see mkbootcmd(8)); NULL: none. */
	const char *device_map;
};

/*
 * Why a call failed: "FILE:LINE: CAUSE" (LINE 0 when none applies).  A
 * call fills it only when it fails, with strings the caller then owns
 * and frees with bootcfg_error_clear().
 */
struct bootcfg_error {
	size_t size;		/* sizeof(struct bootcfg_error) */
	const char *file;	/* "" when no file applies */
	unsigned line;
	const char *cause;	/* "" when there is nothing to add */
};

/*
 * Free the strings a failed call left in ERROR and set them to NULL,
 * LINE to 0; SIZE stays, ready for the next call.  ERROR may be NULL,
 * or hold no strings.
 */
void bootcfg_error_clear(struct bootcfg_error *error);

/* One menu entry.  Strings belong to the struct bootcfg. */
struct bootcfg_entry {
	/* GRUB-style index: "0", "1", "1>2" for entry 2 of submenu 1. */
	const char *index;
	/* The loader's name for it (GRUB --id, BLS file name, label). */
	const char *id;
	/* What the menu shows; submenus joined with ">". */
	const char *title;
	/* The kernel as a path on this system; NULL: boots no Linux. */
	const char *kernel;
	const char *const *initrds;	/* in the order given */
	size_t n_initrds;
	const char *cmdline;		/* never NULL */
	int is_default;
	/* Multiboot modules (syslinux mboot.c32): "HOST-PATH ARGS" each,
	 * the kernel then being a multiboot kernel. */
	const char *const *modules;
	size_t n_modules;
	/* What an entry with no Linux kernel boots ("COM32 module
	 * hdt.c32", "the local disk", ...); NULL for Linux. */
	const char *boots;
	/* syslinux IPAPPEND/SYSAPPEND bits the boot loader would fill in
	 * (1: ip=, 2: BOOTIF=, ...); 0 for none. */
	unsigned sysappend;
	/* Left out of the menu (syslinux MENU HIDE), bootable by name. */
	int hidden;
};

/*
 * Find and read the boot loader configuration.  With options->config,
 * read that file (or BLS entries directory); otherwise look in this
 * order below the boot directory and root: grub/grub.cfg,
 * grub2/grub.cfg, loader/entries, EFI/Linux, extlinux/extlinux.conf,
 * syslinux/syslinux.cfg, isolinux/isolinux.cfg, ROOT/isolinux/isolinux.cfg,
 * ROOT/syslinux/syslinux.cfg, ROOT/pxelinux.cfg/default, ROOT/etc/lilo.conf.
 */
int bootcfg_load(const struct bootcfg_options *options,
		 struct bootcfg **cfg, struct bootcfg_error *error);

/*
 * Parse one configuration in memory.
 * FORMAT is a name as above or NULL to detect it.  NAME is used in error
 * messages.  With OPTIONS NULL, no other file is read (includes, grubenv
 * and BLS directories are treated as missing).
 */
int bootcfg_parse_buffer(const char *format, const char *buf, size_t len,
			 const char *name, const struct bootcfg_options *options,
			 struct bootcfg **cfg, struct bootcfg_error *error);

void bootcfg_free(struct bootcfg *cfg);

/*
 * What was skipped as the boot loader skips it (a missing INCLUDE or
 * source file, a malformed BLS entry): "FILE:LINE: CAUSE", I counted
 * from 0; NULL past the end.
 */
size_t bootcfg_warning_count(const struct bootcfg *cfg);
const char *bootcfg_warning(const struct bootcfg *cfg, size_t i);

/* "grub", "bls", "syslinux" or "lilo"; the file that was read. */
const char *bootcfg_format(const struct bootcfg *cfg);
const char *bootcfg_path(const struct bootcfg *cfg);

size_t bootcfg_count(const struct bootcfg *cfg);
const struct bootcfg_entry *bootcfg_entry(const struct bootcfg *cfg,
					  size_t i);

/* The entry the boot loader boots by default, or NULL if it has none. */
const struct bootcfg_entry *bootcfg_default(const struct bootcfg *cfg);

/*
 * The entry SELECTOR names: an index ("2", "1>0"), an id or a title, each
 * level of a submenu path separated by ">"; NULL if none matches.
 */
const struct bootcfg_entry *bootcfg_find(const struct bootcfg *cfg,
					 const char *selector);

/*
 * The entry ALIAS names, as the boot loader keeps it outside its
 * configuration (GRUB's grubenv, systemd-boot's EFI variables below
 * OPTIONS' root):
 *   NULL       what boots next: the one-shot, else the default;
 *   "@default" the default, a one-shot aside (GRUB: saved_entry when
 *              next_entry is set; systemd-boot: LoaderEntryDefault);
 *   "@oneshot" GRUB's next_entry, systemd-boot's LoaderEntryOneShot;
 *   "@current" the running kernel's: systemd-boot's LoaderEntrySelected,
 *              else the entry of /proc/cmdline's BOOT_IMAGE=.
 * *ENTRY is NULL when the alias names none.  0, or a negative errno with
 * ERROR filled (-EINVAL: no such alias).
 */
int bootcfg_find_alias(const struct bootcfg_options *options,
		       const struct bootcfg *cfg, const char *alias,
		       const struct bootcfg_entry **entry,
		       struct bootcfg_error *error);

/*
 * Consume the one-shot entry as the boot loader does when it boots it:
 * GRUB's next_entry (grub-reboot) leaves the grubenv beside CFG's
 * grub.cfg, every other variable kept; systemd-boot's LoaderEntryOneShot
 * EFI variable is deleted; both below OPTIONS' root.  Returns 1 when one
 * was consumed, 0 when none was set (or the loader keeps none), a
 * negative errno with ERROR filled otherwise; -EBADMSG for a grubenv that
 * is not a 1024-byte environment block, which is left alone.
 */
int bootcfg_consume_next_entry(const struct bootcfg_options *options,
			       const struct bootcfg *cfg,
			       struct bootcfg_error *error);

#ifdef __cplusplus
}
#endif

#endif
