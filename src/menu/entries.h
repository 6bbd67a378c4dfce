/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the menu offers: every bootable entry of every configuration on
 * every device, and the problems met on the way (a device that did not
 * mount, a configuration that did not parse, a kernel that is missing),
 * each "SOURCE: cause".
 */
#ifndef BOOTIMG_MENU_ENTRIES_H
#define BOOTIMG_MENU_ENTRIES_H

#include <stddef.h>
#include "bootcfg.h"
#include "bootimg.h"
#include "device.h"

struct menu_entry {
	char *source;		/* the device: "vda2" */
	char *config;		/* the configuration file it comes from */
	char *id, *title;	/* as libbootcfg gives them */
	char *version;		/* the kernel's release, or "" */
	char *kernel;		/* a path on this system */
	char **initrds;
	size_t n_initrds;
	char **modules;		/* multiboot: "PATH ARGS" each */
	size_t n_modules;
	char *cmdline;
	int is_default;		/* its configuration's default */
};

struct menu_list {
	struct menu_entry *v;
	size_t n, cap;
	char **problems;
	size_t n_problems, cap_problems;
	long default_entry;	/* -1: no entry */
};

/*
 * Read the configurations on the mounted devices of ALL (GRUB's search
 * resolved with the device map at MAP), probing each kernel with CTX.
 * 0 or -ENOMEM; everything else is a problem in the list.
 */
int menu_collect(const struct menu_devices *all, const char *map,
		 struct bootimg *ctx, struct menu_list *list);
void menu_list_free(struct menu_list *list);

/* Add "SOURCE: CAUSE" to the problems: 0 or -ENOMEM. */
int menu_problem(struct menu_list *list, const char *source,
		 const char *cause);
/* libbootcfg's ERROR as SOURCE's problem "FILE:LINE: CAUSE": 0 or -ENOMEM. */
int menu_load_problem(struct menu_list *list, const char *source,
		      const struct bootcfg_error *error);
/*
 * Add E, found in CONFIG, as SOURCE's entry (IS_DEFAULT: its
 * configuration's default), its release from INFO: 0 or -ENOMEM.
 */
int menu_add_entry(struct menu_list *list, const char *source,
		   const char *config, const struct bootcfg_entry *e,
		   int is_default, const struct bootimg_info *info);

/*
 * Where configurations may be on a file system mounted at DIR: each a
 * root, the boot directory below it and the configuration (NULL:
 * libbootcfg searches).  *N gets the count; -ENOMEM or 0.
 */
struct config_place {
	char *root, *boot, *config;
};
int config_places(const char *dir, struct config_place **places, size_t *n);
void config_places_free(struct config_place *places, size_t n);

/*
 * PATH, below the mount point DIR, with its symbolic links followed
 * inside DIR (openat2 RESOLVE_IN_ROOT): a new string, or NULL with
 * errno (EXDEV: PATH is not below DIR; ENOENT; ENOSYS before Linux 5.6).
 */
char *resolve_in(const char *dir, const char *path);

/*
 * E with its kernel and initrds resolved so on the devices of ALL that
 * hold them (paths on none stay as they are): R->e is E with them.
 * 0, or a negative errno with *BAD the path that failed.
 */
struct resolved {
	struct bootcfg_entry e;
	char *kernel, **initrds;
};
int resolve_entry(const struct menu_devices *all,
		  const struct bootcfg_entry *e, struct resolved *r,
		  const char **bad);
void resolved_free(struct resolved *r);

/* The entry SELECTOR names: its number, id or title; or -1. */
long menu_find(const struct menu_list *list, const char *selector);

#endif
