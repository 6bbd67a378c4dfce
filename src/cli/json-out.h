/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * --json: one JSON object per command, built with json-c.  Strings are
 * UTF-8: text that is valid UTF-8 appears as it is (JSON escapes quotes
 * and control characters), except the backslash, which appears as the
 * four characters \x5c; each byte that is not part of valid UTF-8
 * appears as \xHH.  Replacing every \xHH by its byte gives the original
 * bytes back.  A fact that could not be read is null.
 */
#ifndef BOOTIMG_CLI_JSON_OUT_H
#define BOOTIMG_CLI_JSON_OUT_H

#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>

/* KEY: TEXT as above, or null for NULL. */
void json_put_string(struct json_object *obj, const char *key,
		     const char *text);
/* KEY: an array of the N strings of LIST (N < 0: up to a NULL). */
void json_put_strings(struct json_object *obj, const char *key,
		      const char *const *list, long n);
/* KEY: true, false, or null for a negative (unknown) VALUE. */
void json_put_tristate(struct json_object *obj, const char *key, int value);
void json_put_bool(struct json_object *obj, const char *key, int value);
void json_put_u64(struct json_object *obj, const char *key, uint64_t value);
void json_put_int(struct json_object *obj, const char *key, int value);

/* Print OBJ, indented, with a newline, and release it. */
void json_print(FILE *out, struct json_object *obj);

#endif
