/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Editing a kernel command line word by word, as the kernel splits it
 * (next_arg() in Linux's lib/cmdline.c): words end at white space outside
 * double quotes, so foo="a b" is one word; a word's key is what comes
 * before its first '=' (after a leading quote); '-' and '_' are the same
 * in keys.  A bare "--" ends the kernel's parameters: what follows is
 * init's, never edited.
 */
#ifndef BOOTIMG_CMDLINE_EDIT_H
#define BOOTIMG_CMDLINE_EDIT_H

#include <stddef.h>

struct bi_cmdline_edit {
	const char *const *remove;	/* keys whose words go */
	size_t n_remove;
	const char *append;		/* its words replace those of their keys */
};

/*
 * BASE (LEN bytes) edited: the words of the keys in EDIT->remove dropped,
 * then EDIT->append's words added after those left, each dropping the
 * base's words of its key first (the last wins); init's words, after
 * "--", follow, the base's first.  Words are joined by one space.
 * Returns a malloc'd string in *OUT, or -ENOMEM.
 */
int bi_cmdline_edit(const char *base, size_t len,
		    const struct bi_cmdline_edit *edit, char **out);

#endif
