// SPDX-License-Identifier: GPL-2.0-or-later
/* What file system a device holds, as libblkid sees it. */
#include <blkid.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "device.h"

/* A copy of the value of NAME, or NULL when the probe has none. */
static int lookup(blkid_probe pr, const char *name, char **value)
{
	const char *v;

	*value = NULL;
	if (blkid_probe_lookup_value(pr, name, &v, NULL) < 0)
		return 0;
	*value = strdup(v);
	return *value ? 0 : -ENOMEM;
}

int blkid_identify(const char *node, struct menu_device *d, char **scheme)
{
	blkid_probe pr = blkid_new_probe_from_filename(node);
	int err, found;

	*scheme = NULL;
	if (!pr)
		return errno ? -errno : -EIO;
	blkid_probe_enable_superblocks(pr, 1);
	blkid_probe_set_superblocks_flags(pr, BLKID_SUBLKS_TYPE |
					  BLKID_SUBLKS_UUID |
					  BLKID_SUBLKS_LABEL);
	blkid_probe_enable_partitions(pr, 1);
	blkid_probe_set_partitions_flags(pr, BLKID_PARTS_ENTRY_DETAILS);
	found = blkid_do_safeprobe(pr);
	err = found < 0 ? -EIO : 0;	/* -2: ambiguous, -1: error */
	if (!err && found == 0) {
		err = lookup(pr, "TYPE", &d->type);
		if (!err)
			err = lookup(pr, "UUID", &d->uuid);
		if (!err)
			err = lookup(pr, "LABEL", &d->label);
		if (!err)
			err = lookup(pr, "PART_ENTRY_UUID", &d->partuuid);
		if (!err)
			err = lookup(pr, "PART_ENTRY_SCHEME", scheme);
	}
	blkid_free_probe(pr);
	return err;
}
