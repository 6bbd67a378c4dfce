// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "escape.h"
#include "json-out.h"

/* TEXT with each invalid UTF-8 byte and each backslash as \xHH. */
static struct json_object *json_text(const char *text)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)text;
	struct json_object *str;
	char *buf = malloc(4 * strlen(text) + 1), *p = buf;

	if (!buf)
		return NULL;
	while (*s) {
		size_t n = utf8_length(s);

		if (n == 0 || *s == '\\') {
			*p++ = '\\', *p++ = 'x';
			*p++ = hex[*s >> 4], *p++ = hex[*s & 15];
			s++;
		} else {
			memcpy(p, s, n);
			p += n, s += n;
		}
	}
	str = json_object_new_string_len(buf, (int)(p - buf));
	free(buf);
	return str;
}

void json_put_string(struct json_object *obj, const char *key,
		     const char *text)
{
	json_object_object_add(obj, key, text ? json_text(text) : NULL);
}

void json_put_strings(struct json_object *obj, const char *key,
		      const char *const *list, long n)
{
	struct json_object *array = json_object_new_array();
	long i;

	for (i = 0; n < 0 ? list[i] != NULL : i < n; i++)
		json_object_array_add(array, json_text(list[i]));
	json_object_object_add(obj, key, array);
}

void json_put_tristate(struct json_object *obj, const char *key, int value)
{
	json_object_object_add(obj, key, value < 0 ? NULL :
			       json_object_new_boolean(value != 0));
}

void json_put_bool(struct json_object *obj, const char *key, int value)
{
	json_object_object_add(obj, key, json_object_new_boolean(value != 0));
}

void json_put_u64(struct json_object *obj, const char *key, uint64_t value)
{
	json_object_object_add(obj, key, json_object_new_uint64(value));
}

void json_put_int(struct json_object *obj, const char *key, int value)
{
	json_object_object_add(obj, key, json_object_new_int(value));
}

void json_print(FILE *out, struct json_object *obj)
{
	fputs(json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PRETTY |
					     JSON_C_TO_STRING_SPACED |
					     JSON_C_TO_STRING_NOSLASHESCAPE),
	      out);
	fputc('\n', out);
	json_object_put(obj);
}
