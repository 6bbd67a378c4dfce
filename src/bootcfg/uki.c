// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unified kernel images (BLS Type #2): the PE sections .cmdline, .osrel
 * and .uname give the command line, the title and the version.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

static uint32_t le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t le32(const unsigned char *p)
{
	return le16(p) | le16(p + 2) << 16;
}

/* The bytes of section NAME, or NULL; *len gets their number. */
static const char *section(const unsigned char *img, size_t size,
			   const char *name, size_t *len)
{
	uint32_t pe, n, opt, i;
	size_t table;

	if (size < 0x40 || img[0] != 'M' || img[1] != 'Z')
		return NULL;
	pe = le32(img + 0x3c);
	if (pe > size - 24 || memcmp(img + pe, "PE\0\0", 4))
		return NULL;
	n = le16(img + pe + 6);
	opt = le16(img + pe + 20);
	table = (size_t)pe + 24 + opt;
	for (i = 0; i < n && table + 40 * (size_t)(i + 1) <= size; i++) {
		const unsigned char *s = img + table + 40 * (size_t)i;
		uint32_t vsize = le32(s + 8), raw = le32(s + 16);
		uint32_t off = le32(s + 20);
		size_t want = vsize && vsize < raw ? vsize : raw;

		if (strncmp((const char *)s, name, 8))
			continue;
		if (off > size || want > size - off)
			return NULL;
		*len = want;
		return (const char *)img + off;
	}
	return NULL;
}

/* A section as a string without trailing NULs and blanks. */
static char *section_text(const unsigned char *img, size_t size,
			  const char *name)
{
	size_t len = 0;
	const char *s = section(img, size, name, &len);
	char *text;

	if (!s)
		return NULL;
	text = bc_strndup(s, strnlen(s, len));
	return text ? bc_trim(text) : NULL;
}

/* VAR=value or VAR="value" from os-release text. */
static char *osrel_get(const char *osrel, const char *var)
{
	size_t n = strlen(var);
	const char *line;

	for (line = osrel; line && *line; line = strchr(line, '\n'),
	     line = line ? line + 1 : NULL) {
		const char *v;
		size_t len;

		if (strncmp(line, var, n) || line[n] != '=')
			continue;
		v = line + n + 1;
		len = strcspn(v, "\n");
		if (len >= 2 && (v[0] == '"' || v[0] == '\'') &&
		    v[len - 1] == v[0]) {
			v++;
			len -= 2;
		}
		return bc_strndup(v, len);
	}
	return NULL;
}

int uki_parse(struct bc_parse *p, const char *path, const unsigned char *img,
	      size_t len, struct bls_entry *e)
{
	char *osrel = section_text(img, len, ".osrel");
	size_t linux_len;

	if (!osrel && !section(img, len, ".linux", &linux_len))
		return bc_fail(p, path, 0, -EBADMSG, "not a unified kernel "
			       "image (no .linux or .osrel PE section)");
	e->options = section_text(img, len, ".cmdline");
	e->version = section_text(img, len, ".uname");
	if (osrel) {
		e->title = osrel_get(osrel, "PRETTY_NAME");
		if (!e->version)
			e->version = osrel_get(osrel, "VERSION_ID");
		e->sort_key = osrel_get(osrel, "IMAGE_ID");
		if (!e->sort_key)
			e->sort_key = osrel_get(osrel, "ID");
	}
	e->linux_path = strdup(path);
	free(osrel);
	return e->linux_path ? 0 : -ENOMEM;
}

int uki_read(struct bc_parse *p, const char *path, struct bls_entry *e)
{
	const unsigned char *img;
	size_t len;
	int err = bc_map_file(p, path, &img, &len);

	if (err)
		return err;
	err = uki_parse(p, path, img, len, e);
	bc_unmap_file(img, len);
	return err;
}
