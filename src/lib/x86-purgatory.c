// SPDX-License-Identifier: GPL-2.0-or-later
/* Fill in and place the host's purgatory blob, built with the library. */
#include <stdlib.h>
#include <string.h>
#include "checksum64.h"
#include "internal.h"
#include "purgatory-abi.h"
#include "purgatory-blob.h"
#include "x86-kaslr.h"
#include "x86-purgatory.h"

#define BELOW_4G (1ull << 32)

static int fill_regions(const struct bootimg_plan *plan,
			struct bootimg_purgatory_header *hdr)
{
	size_t i;

	if (plan->n_segments > BOOTIMG_PURGATORY_MAX_REGIONS)
		return bi_cause(BOOTIMG_CAUSE_TOO_MANY_SEGMENTS);
	for (i = 0; i < plan->n_segments; i++) {
		const struct bi_segment *s = &plan->segments[i];
		struct bootimg_purgatory_region *r = &hdr->regions[i];

		r->start = s->mem;
		r->len = s->bufsz;
		r->checksum = bi_checksum64(s->buf, s->bufsz);
	}
	hdr->nr_regions = (uint32_t)plan->n_segments;
	return 0;
}

/*
 * Fast boot's KASLR: the kernel's relocation table as a segment of its
 * own (the unpacked payload's bytes, untouched), for purgatory to apply.
 */
static int add_relocs(struct bootimg_plan *plan,
		      struct bootimg_purgatory_header *hdr)
{
	const struct bi_kernel *k = &plan->in->kernel;
	struct bootimg_purgatory_relocs *r = &hdr->relocs;
	size_t size = bi_x86_kaslr_relocs(k, r);
	struct bi_place where = {
		.align = BI_PAGE_SIZE, .min = BI_MIB, .max = BELOW_4G,
		.size = bi_align_up(size, BI_PAGE_SIZE),
	};
	int err;

	if (size == 0)
		return 0;
	err = bi_plan_find(plan, &where, &r->table);
	if (err == 0)
		err = bi_plan_add(plan, "relocations", k->kaslr.relocs, size,
				  r->table, where.size);
	if (err < 0)
		return err;
	r->checksum = bi_checksum64(r, offsetof(struct bootimg_purgatory_relocs,
						checksum));
	hdr->flags |= BOOTIMG_PURGATORY_F_RELOCATE;
	return 0;
}

int bi_x86_add_purgatory(struct bootimg_plan *plan,
			 const struct bi_entry *entry, uint64_t *purgatory)
{
	size_t size = (size_t)(bi_purgatory_end - bi_purgatory);
	struct bootimg_purgatory_header *hdr;
	struct bi_place where = {
		.align = BI_PAGE_SIZE, .min = BI_MIB, .max = BELOW_4G,
	};
	uint8_t *blob;
	int err;

	if (size < sizeof(*hdr))
		return -EINVAL;
	/* A 32-bit entry runs with paging off: everything below 4 GiB. */
	if (entry->mode32 && (entry->ip >= BELOW_4G || entry->esi >= BELOW_4G))
		return -ENOEXEC;
	blob = malloc(size);
	if (!blob)
		return -ENOMEM;
	err = bi_plan_own(plan, blob);
	if (err < 0)
		return err;
	memcpy(blob, bi_purgatory, size);
	hdr = (struct bootimg_purgatory_header *)blob;
	if (hdr->magic != BOOTIMG_PURGATORY_MAGIC ||
	    hdr->version != BOOTIMG_PURGATORY_VERSION || hdr->memsz < size)
		return -EINVAL;
	hdr->entry = entry->ip;
	hdr->boot_params = entry->esi;
	hdr->eax = entry->eax;
	hdr->ebx = entry->ebx;
	if (entry->mode32)
		hdr->flags |= BOOTIMG_PURGATORY_F_ENTRY32;
	if (plan->breadcrumb)
		hdr->flags |= BOOTIMG_PURGATORY_F_BREADCRUMB;
	err = add_relocs(plan, hdr);
	if (err == 0)
		err = fill_regions(plan, hdr);
	if (err < 0)
		return err;
	where.size = bi_align_up(hdr->memsz, BI_PAGE_SIZE);
	err = bi_plan_find(plan, &where, purgatory);
	if (err == 0)
		err = bi_plan_add(plan, "purgatory", blob, size, *purgatory,
				  hdr->memsz);
	return err;
}
