/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A growable, NULL-terminated list of strings: an argv under construction. */
#ifndef BOOTIMG_CLI_STRV_H
#define BOOTIMG_CLI_STRV_H

#include <stddef.h>

struct strv {
	char **v;	/* NULL-terminated once anything was pushed */
	size_t n;
	size_t cap;
};

/* Append a copy of S.  Exits with status 1 when memory runs out. */
void strv_push(struct strv *s, const char *str);
/* Append a copy of the LEN bytes at STR. */
void strv_push_n(struct strv *s, const char *str, size_t len);
/* Append "NAME=VALUE" (a long option with its value). */
void strv_push_option(struct strv *s, const char *name, const char *value);
/* Append every string of LIST (NULL-terminated, may be NULL). */
void strv_push_all(struct strv *s, char *const *list);
void strv_free(struct strv *s);

/* Say "out of memory" and exit with status 1. */
void out_of_memory(void) __attribute__((noreturn));
/* malloc that exits with "out of memory" and status 1 instead of failing. */
void *xmalloc(size_t size);
char *xstrdup(const char *s);

#endif
