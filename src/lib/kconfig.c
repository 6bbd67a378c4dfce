// SPDX-License-Identifier: GPL-2.0-or-later
/* The running kernel's build configuration, where it can be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decompress.h"
#include "facts.h"
#include "internal.h"

int bi_kconfig_enabled(const char *text, size_t len, const char *name)
{
	size_t n = strlen(name);
	const char *pos = text;
	char line[256];

	while (bi_next_line(&pos, text + len, line, sizeof(line)))
		if (strncmp(line, name, n) == 0 && line[n] == '=')
			return line[n + 1] == 'y';
	return 0;
}

/* /proc/config.gz (CONFIG_IKCONFIG_PROC), unpacked. */
static int read_proc_config(struct bootimg *ctx, char **text, size_t *len)
{
	const struct bi_codec *codec;
	char *packed;
	uint8_t *plain;
	size_t size, plain_size;
	int err = bi_read_whole(ctx, "/proc/config.gz", &packed, &size);

	if (err < 0)
		return err;
	codec = bi_codec_detect((const uint8_t *)packed, size);
	err = codec ? bi_decompress(codec, (const uint8_t *)packed, size,
				    &plain, &plain_size) : -EBADMSG;
	free(packed);
	if (err < 0)
		return err;
	*text = (char *)plain;
	*len = plain_size;
	return 0;
}

int bi_kconfig_read(struct bootimg *ctx, const char *release, char **text,
		    size_t *len, char *source, size_t source_size)
{
	char path[128];
	int err = read_proc_config(ctx, text, len);

	if (err == 0) {
		snprintf(source, source_size, "/proc/config.gz");
		return 0;
	}
	if (!release[0])
		return err;
	snprintf(path, sizeof(path), "/boot/config-%s", release);
	err = bi_read_whole(ctx, path, text, len);
	if (err == 0)
		snprintf(source, source_size, "%s", path);
	return err;
}
