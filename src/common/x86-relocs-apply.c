// SPDX-License-Identifier: GPL-2.0-or-later
/* The relocation rule, shared by libbootimg and purgatory. */
#include "x86-relocs-apply.h"

/* Unaligned access without memcpy, which purgatory lacks. */
struct u32 {
	uint32_t v;
} __attribute__((packed, may_alias));
struct u64 {
	uint64_t v;
} __attribute__((packed, may_alias));

struct list {
	uint32_t first, count, width;
	int sign;
};

static void lists_of(const struct bootimg_purgatory_relocs *r,
		     struct list l[3])
{
	l[0] = (struct list){ 0, r->n64, 8, 1 };
	l[1] = (struct list){ r->n64 + 1, r->n_inverse, 4, -1 };
	l[2] = (struct list){ r->is64 ? r->n64 + r->n_inverse + 2 : 0,
			      r->n32, 4, 1 };
	if (!r->is64)
		l[0].count = l[1].count = 0;
}

/* The offset in the image of the place ENTRY names. */
static uint64_t offset_of(const struct bootimg_purgatory_relocs *r,
			  uint32_t entry)
{
	uint64_t virt = r->is64 ? (uint64_t)(int64_t)(int32_t)entry : entry;
	uint64_t off = virt - r->image_virt;

	return r->is64 ? off : off & 0xffffffffu;
}

static void adjust(uint8_t *p, uint32_t width, int sign, uint64_t delta)
{
	if (width == 8)
		((struct u64 *)p)->v += delta;
	else if (sign > 0)
		((struct u32 *)p)->v += (uint32_t)delta;
	else
		((struct u32 *)p)->v -= (uint32_t)delta;
}

/* Check every place (WRITE 0), or adjust each (WRITE 1). */
static int walk(const struct bootimg_purgatory_relocs *r, const void *words,
		uint8_t *image, int write)
{
	const struct u32 *w = words;
	struct list lists[3];
	uint32_t k, i;

	lists_of(r, lists);
	for (k = 0; k < 3; k++) {
		const struct list *l = &lists[k];

		for (i = 0; i < l->count; i++) {
			uint64_t off = offset_of(r, w[l->first + i].v);

			if (off >= r->image_size ||
			    r->image_size - off < l->width)
				return -1;
			if (write)
				adjust(image + off, l->width, l->sign,
				       r->delta);
		}
	}
	return 0;
}

int bi_x86_relocs_apply(const struct bootimg_purgatory_relocs *r,
			const void *words, void *image)
{
	return walk(r, words, image, 0) < 0 ? -1 : walk(r, words, image, 1);
}
