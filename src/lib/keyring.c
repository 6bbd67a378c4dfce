// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Would the running kernel trust an image's signer?  kexec_file_load
 * verifies a PE image's PKCS#7 signature with the keys of its trusted
 * keyrings (.builtin_trusted_keys, .secondary_trusted_keys, .platform).
 * An X.509 key there is described in /proc/keys as "CN: SKID", its
 * subject key identifier in hex; the signature's certificates carry their
 * own subject and their issuer's (authority) key identifiers.  A key
 * whose identifier is one of these is the signer or its issuer.  This is
 * a match of names, not a verification: the kernel still checks the
 * signature itself.
 */
#include <stdio.h>
#include <string.h>
#include "facts.h"
#include "internal.h"

#define MAX_IDS 16
#define MAX_ID_BYTES 64

struct key_ids {
	char hex[MAX_IDS][2 * MAX_ID_BYTES + 1];
	size_t count;
};

static const uint8_t oid_skid[] = { 0x06, 0x03, 0x55, 0x1d, 0x0e };
static const uint8_t oid_akid[] = { 0x06, 0x03, 0x55, 0x1d, 0x23 };

static void add_id(struct key_ids *ids, const uint8_t *id, size_t len)
{
	size_t i;

	if (ids->count == MAX_IDS || len == 0 || len > MAX_ID_BYTES)
		return;
	for (i = 0; i < len; i++)
		sprintf(ids->hex[ids->count] + 2 * i, "%02x", id[i]);
	ids->count++;
}

/* The DER element at *P of TAG with a short length, stepped into. */
static int enter(const uint8_t **p, const uint8_t *end, uint8_t tag,
		 size_t *len)
{
	if (end - *p < 2 || (*p)[0] != tag || (*p)[1] >= 0x80 ||
	    (*p)[1] > end - *p - 2)
		return 0;
	*len = (*p)[1];
	*p += 2;
	return 1;
}

/*
 * An extension after its OID: [critical BOOLEAN] OCTET STRING holding
 * the SKID's OCTET STRING, or the AKID's SEQUENCE { [0] keyIdentifier }.
 */
static void read_extension(struct key_ids *ids, const uint8_t *p,
			   const uint8_t *end, int authority)
{
	size_t len;

	if (end - p >= 3 && p[0] == 0x01 && p[1] == 0x01)
		p += 3;
	if (!enter(&p, end, 0x04, &len))
		return;
	if (authority && (!enter(&p, end, 0x30, &len) ||
			  !enter(&p, end, 0x80, &len)))
		return;
	if (!authority && !enter(&p, end, 0x04, &len))
		return;
	add_id(ids, p, len);
}

static void find_ids(struct key_ids *ids, const uint8_t *certs, size_t size)
{
	const uint8_t *end = certs + size, *p;

	for (p = certs; end - p > (long)sizeof(oid_skid); p++) {
		if (memcmp(p, oid_skid, sizeof(oid_skid)) == 0)
			read_extension(ids, p + sizeof(oid_skid), end, 0);
		else if (memcmp(p, oid_akid, sizeof(oid_akid)) == 0)
			read_extension(ids, p + sizeof(oid_akid), end, 1);
	}
}

int bi_keys_match_signer(const char *keys, size_t keys_len,
			 const uint8_t *certs, size_t certs_size)
{
	const char *pos = keys;
	struct key_ids ids = { .count = 0 };
	char line[1024];
	int visible = 0;
	size_t i;

	find_ids(&ids, certs, certs_size);
	while (bi_next_line(&pos, keys + keys_len, line, sizeof(line))) {
		if (strstr(line, " .builtin_trusted_keys:"))
			visible = 1;
		for (i = 0; strstr(line, " asymmetri") && i < ids.count; i++)
			if (strstr(line, ids.hex[i]))
				return 1;
	}
	return visible ? 0 : BOOTIMG_UNKNOWN;
}
