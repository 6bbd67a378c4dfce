/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Private declarations shared by the files of libbootcfg. */
#ifndef BOOTCFG_INTERNAL_H
#define BOOTCFG_INTERNAL_H

#include <errno.h>
#include <stddef.h>
#include "bootcfg.h"

#define BC_MAX_FILE (4u << 20)	/* largest configuration file read */
#define BC_MAX_DEPTH 32		/* nesting of blocks, submenus, includes */
#define BC_MAX_ENTRIES 4096

/*
 * The work budget of one parse (budget.c), far above any real
 * configuration; mkbootcmd(8) names them.
 */
#define BC_MAX_STEPS 250000		/* commands run, words expanded */
#define BC_MAX_WORD 65536		/* bytes in a word or a variable */
#define BC_MAX_BUILT (64ull << 20)	/* bytes of words and variables */
#define BC_MAX_FILES 10000		/* files read (includes, entries) */
#define BC_MAX_READ (64ull << 20)	/* bytes read from them */

struct bc_budget {
	unsigned long steps, files;
	unsigned long long built, read;
	char over[96];		/* the limit reached, or "" */
};

/* One level of an entry's menu path: a submenu or the entry itself. */
struct bc_level {
	char *index;
	char *id;
	char *title;
};

struct bc_entry {
	struct bootcfg_entry pub;
	struct bc_level *levels;
	size_t depth, cap_levels;
	char *kernel;
	char **initrds;
	size_t n_initrds, cap_initrds;
	char *cmdline;
	char **modules;
	size_t n_modules, cap_modules;
	char *boots;			/* NULL: a Linux kernel */
	unsigned sysappend;
	int hidden;
	char *index, *id, *title;	/* the levels joined with ">" */
};

struct bc_format;

/* A GRUB device of the device map: devmap.c. */
struct bc_device {
	char *name;		/* "hd0,gpt2" */
	char *dir;		/* where it is mounted on this system */
	char *uuid, *label;	/* NULL when not given */
};
struct bc_devmap {
	struct bc_device *v;
	size_t n, cap;
};

struct bootcfg {
	const struct bc_format *format;
	char *path;
	struct bc_entry **entries;
	size_t n_entries, cap_entries;
	long default_entry;		/* -1: none */
	/* systemd-boot's EFI variables (bls.c), else -1: the default with
	 * no one-shot pending, LoaderEntryOneShot's, LoaderEntrySelected's */
	long loader_default, loader_oneshot, loader_selected;
	char **warnings;		/* "FILE:LINE: CAUSE" */
	size_t n_warnings, cap_warnings, dropped_warnings;
	int too_many;			/* an entry past BC_MAX_ENTRIES */
};

/* Files in memory that stand for the file system (fuzzing): fs.c. */
struct bc_file {
	const char *path;
	const unsigned char *data;
	size_t len;
};
struct bc_file_table {
	const struct bc_file *v;
	size_t n;
};

/*
 * Why a call failed, as the parsers record it (bc_fail()): "FILE:LINE:
 * CAUSE", LINE 0 when none applies.  The caller's struct bootcfg_error
 * is made from it at the library's edge (public.c).
 */
struct bc_error {
	char file[4096];
	unsigned line;
	char cause[256];
};

/* What a parser needs besides the text: where files are, where errors go. */
struct bc_parse {
	struct bootcfg *cfg;
	struct bc_error *error;	/* never NULL */
	int files;		/* 0: read no other file (fuzzing) */
	const char *root;	/* "" for / */
	const char *boot_dir;	/* the boot partition as mounted now */
	const char *path;	/* the file being parsed, for messages */
	const struct bc_devmap *devices;	/* NULL: none given */
	const struct bc_file_table *table;	/* or NULL: the host's */
	struct bc_budget budget;
};

int bc_devmap_load(struct bc_parse *p, const char *path,
		   struct bc_devmap *m);
void bc_devmap_free(struct bc_devmap *m);
/* The device called NAME (N bytes), or NULL. */
const struct bc_device *bc_device_named(const struct bc_devmap *m,
					const char *name, size_t n);
enum bc_device_key { BC_BY_UUID, BC_BY_LABEL, BC_BY_FILE };
/* The first device with this UUID or label, or holding this file. */
const struct bc_device *bc_device_find(const struct bc_parse *p,
				       enum bc_device_key key,
				       const char *value);

/* An ops table entry per configuration format. */
struct bc_format {
	const char *name;
	/* Does this text look like this format?  Higher is surer; 0: no. */
	int (*detect)(const char *path, const char *buf, size_t len);
	int (*parse)(struct bc_parse *p, const char *buf, size_t len);
	/* A configuration that is a directory (BLS entries); or NULL. */
	int (*parse_dir)(struct bc_parse *p, const char *dir);
};

extern const struct bc_format bc_format_grub, bc_format_bls,
	bc_format_syslinux, bc_format_lilo;

/*
 * A public function's start (public.c): *E cleared, the caller's GIVEN
 * options as this library's struct in *O (all zero when GIVEN is NULL).
 * 0, or -EINVAL or -E2BIG for a size the library cannot take: ERROR's
 * (not filled then) or GIVEN's (explained in E).
 */
int bc_edge_in(const struct bootcfg_options *given,
	       struct bootcfg_options *o, const struct bootcfg_error *error,
	       struct bc_error *e);
/*
 * A public function's end: ERR, and when it is negative E copied into
 * the caller's ERROR (when given, and large enough), its strings
 * malloc'd for bootcfg_error_clear().
 */
int bc_edge_out(int err, const struct bc_error *e,
		struct bootcfg_error *error);

/*
 * bootcfg_load() past the edge, reading TABLE instead of the host's
 * files when it is not NULL (the fuzzers); what the parse spent in
 * *SPENT when not NULL.  OPTIONS may be NULL, ERROR not.
 */
int bc_load(const struct bootcfg_options *options,
	    const struct bc_file_table *table, struct bootcfg **cfg,
	    struct bc_error *error, struct bc_budget *spent);

/* Record "FILE:LINE: CAUSE" in p->error; returns ERR. */
int bc_fail(struct bc_parse *p, const char *file, unsigned line, int err,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* A malformed line of the file being parsed: -EBADMSG. */
#define bc_syntax(p, line, ...) bc_fail((p), (p)->path, (line), -EBADMSG, \
					__VA_ARGS__)

/*
 * Something the boot loader skips and goes on without: a warning
 * "FILE:LINE: CAUSE" at line LINE of the file being parsed.  0 or -ENOMEM.
 */
int bc_warn(struct bc_parse *p, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The error just recorded in p->error, as a warning: "CAUSE (SKIPPED)". */
int bc_warn_error(struct bc_parse *p, const char *skipped);
void bc_warnings_free(struct bootcfg *cfg);

/*
 * Charge the budget: a command run or word expanded at LINE of p->path; a
 * word or variable of N bytes built; a file of LEN bytes read.  0, or
 * -EBADMSG naming the limit reached, then and on every later charge.
 */
int bc_spend_step(struct bc_parse *p, unsigned line);
int bc_spend_built(struct bc_parse *p, unsigned line, size_t n);
int bc_spend_file(struct bc_parse *p, const char *path, size_t len);
/* A word grew past BC_MAX_WORD at LINE: -EBADMSG, as the charges. */
int bc_word_too_long(struct bc_parse *p, unsigned line);
/* More than BC_MAX_ENTRIES menu entries at LINE (0: none): -EBADMSG. */
int bc_too_many_entries(struct bc_parse *p, unsigned line);
/* The limit reached earlier, as an error at p->path; 0 if none. */
int bc_budget_check(struct bc_parse *p);

/*
 * The file system of a parse (fs.c): below p->root (or p->boot_dir),
 * confined to it.  A file descriptor, or a negative errno.
 */
int bc_fs_open(const struct bc_parse *p, const char *path, int flags);
/* S_IFREG, S_IFDIR etc. of PATH, or a negative errno. */
int bc_fs_kind(const struct bc_parse *p, const char *path);
/* EACH on every name in DIR but . and ..; stops at its first error. */
int bc_fs_list(const struct bc_parse *p, const char *dir,
	       int (*each)(void *ctx, const char *name), void *ctx);

/* Read a whole file (at most BC_MAX_FILE) NUL-terminated; frees with free. */
int bc_read_file(struct bc_parse *p, const char *path, char **buf,
		 size_t *len);
/* Map a file of any size read-only (a UKI); NULL and 0 if it is empty. */
int bc_map_file(struct bc_parse *p, const char *path,
		const unsigned char **map, size_t *len);
void bc_unmap_file(const unsigned char *map, size_t len);
/* Text must not hold NUL bytes; returns -EBADMSG naming the line. */
int bc_check_text(struct bc_parse *p, const char *buf, size_t len);

/* The GRUB device name ($root) of the partition the configuration is on. */
#define BC_GRUB_DEVICE "boot"

/*
 * A path as the boot loader sees it (relative to the boot partition, or
 * to the root file system when /boot is not separate, maybe with a GRUB
 * "(device)" prefix) as a path on this system.  Malloc'd; NULL on ENOMEM.
 */
char *bc_resolve(const struct bc_parse *p, const char *loader_path);
/* DIR/NAME, malloc'd. */
char *bc_join(const char *dir, const char *name);
int bc_exists(const struct bc_parse *p, const char *host_path);

/* Entries, in menu order; NULL on ENOMEM or past BC_MAX_ENTRIES. */
struct bc_entry *bc_entry_add(struct bootcfg *cfg);
/* Add one level of the entry's menu path (submenu, then entry). */
int bc_entry_level(struct bc_entry *e, const char *index, const char *id,
		   const char *title);
int bc_entry_push_initrd(struct bc_entry *e, char *host_path);
/* A multiboot module, "HOST-PATH ARGS", taken over (NULL: -ENOMEM). */
int bc_entry_push_module(struct bc_entry *e, char *module);
/* Join levels into the public strings; mark the default. */
int bc_finish(struct bootcfg *cfg);
/* Index of the entry SELECTOR names, or -1. */
long bc_select(const struct bootcfg *cfg, const char *selector);

/* strverscmp-like comparison of version strings ("5.14.0-362" etc). */
int bc_vercmp(const char *a, const char *b);
char *bc_strndup(const char *s, size_t n);
char *bc_strdup0(const char *s);	/* NULL stays NULL */
/* Append S to the array *V of *N strings (room for *CAP), which takes it
 * over (and frees it on failure); S NULL (a failed allocation) or no
 * memory: -ENOMEM. */
int bc_strv_push(char ***v, size_t *n, size_t *cap, char *s);
/* Trim blanks at both ends in place; returns S. */
char *bc_trim(char *s);

/* The lines of a text buffer, counted from 1 as read. */
struct bc_lines {
	const char *next, *end;
	unsigned n;
};
#define BC_LINES(buf, len) { (buf), (buf) + (len), 0 }
/* 1 and the next line without its newline (the caller frees it), 0 at
 * the end, or -ENOMEM. */
int bc_next_line(struct bc_lines *it, char **text);

/* BLS Type #1 and #2 entries of a directory, sorted as the spec says. */
struct bls_entry {
	char *id;		/* file name, without .conf */
	char *file;		/* host path of the entry */
	char *title, *version, *machine_id, *sort_key;
	char *linux_path, *efi;	/* loader paths */
	char **initrds;
	size_t n_initrds, cap_initrds;
	char *options;
	int uki;		/* Type #2: linux is a host path already */
};
struct bls_list {
	struct bls_entry *v;
	size_t n, cap;
};
/* Read ENTRIES_DIR/ *.conf (and UKI_DIR/ *.efi when not NULL). */
int bls_read_dir(struct bc_parse *p, const char *entries_dir,
		 const char *uki_dir, struct bls_list *list);
int bls_parse_entry(struct bc_parse *p, const char *id, const char *buf,
		    size_t len, struct bls_entry *e);
void bls_sort(struct bls_list *list);
void bls_list_free(struct bls_list *list);

/* Read the .cmdline, .osrel and .uname sections of a UKI into E. */
int uki_read(struct bc_parse *p, const char *path, struct bls_entry *e);
/* The same from the image IMG (LEN bytes) read from PATH. */
int uki_parse(struct bc_parse *p, const char *path, const unsigned char *img,
	      size_t len, struct bls_entry *e);

/* GRUB's environment block: name=value lines after a header. */
struct grub_var {
	char *name, *value;
};
struct grub_env {
	struct grub_var *v;
	size_t n, cap;
};
const char *grub_env_get(const struct grub_env *env, const char *name);
int grub_env_set(struct grub_env *env, const char *name, const char *value);
int grub_env_unset(struct grub_env *env, const char *name);
int grub_env_copy(struct grub_env *dst, const struct grub_env *src);
/* Bytes of names and values, as a copy costs. */
size_t grub_env_size(const struct grub_env *env);
void grub_env_free(struct grub_env *env);
/* Merge a grubenv file into ENV (only NAMES when n_names > 0). */
int grub_env_load(struct bc_parse *p, struct grub_env *env, const char *path,
		  char *const *names, size_t n_names);
/* The same from BUF, LEN bytes NUL-terminated, which it changes. */
int grub_env_parse(struct grub_env *env, char *buf, size_t len,
		   char *const *names, size_t n_names);

#endif
