/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The GRUB 2 script reader: tokens, word expansion, conditions. */
#ifndef BOOTCFG_GRUB_H
#define BOOTCFG_GRUB_H

#include "internal.h"

enum gtok_kind { GT_WORD, GT_SEP, GT_LBRACE, GT_RBRACE, GT_END };

struct gtok {
	enum gtok_kind kind;
	unsigned line;
	const char *s;		/* the word as written, quotes and all */
	size_t n;
};

struct gtoks {
	struct gtok *v;
	size_t n;
};

/* Split a script into tokens; unterminated quotes are syntax errors. */
int grub_lex(struct bc_parse *p, const char *buf, size_t len,
	     struct gtoks *out);

/* Is T the unquoted word KEYWORD? */
int grub_is_word(const struct gtok *t, const char *keyword);

struct gfields {
	char **v;
	size_t n;
	size_t cap;	/* room in v, grown by doubling as fields are added */
};

/*
 * Expand a word as GRUB does: quotes removed, $var and ${var} replaced,
 * unquoted expansions split at blanks.  PARAMS (NULL outside a function
 * or entry body) are $1...$N, $#, $@ and $*.  Fields are appended to OUT.
 */
int grub_expand(const struct gtok *t, const struct grub_env *env,
		const struct gfields *params, struct gfields *out);
/* The same, charged to the budget of P: -EBADMSG when it runs out. */
int grub_expand_charged(struct bc_parse *p, const struct gtok *t,
			const struct grub_env *env,
			const struct gfields *params, struct gfields *out);
void grub_fields_free(struct gfields *f);
/* The fields of every word of TEXT (a BLS value), appended to OUT. */
int grub_expand_fields(struct bc_parse *p, const char *text,
		       const struct grub_env *env, struct gfields *out);
/* PATH as the boot loader sees it, on $root when it names no device, as
 * a path on this system (bc_resolve); NULL on ENOMEM. */
char *grub_resolve(const struct bc_parse *p, const struct grub_env *env,
		   const char *path);
/* search and search.*: 0 found (the variable set), 1 not, or -ENOMEM. */
int grub_search(const struct bc_parse *p, struct grub_env *env,
		char *const *a, size_t n);

/* regexp: 0 it matches (--set variables set), 1 not, or -ENOMEM. */
int grub_regexp(struct grub_env *env, char *const *a, size_t n);

/* Evaluate "[ ... ]" or "test ...": 0 true, 1 false. */
int grub_test(const struct bc_parse *p, const struct grub_env *env,
	      char *const *args, size_t n);

#endif
