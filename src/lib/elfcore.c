// SPDX-License-Identifier: GPL-2.0-or-later
#include <elf.h>
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "elfcore.h"
#include "internal.h"

#define MAX_PHDRS 4096u		/* far more than any machine's ranges */

int bi_elfcore_append(struct bi_elfcore_list *list, uint64_t paddr,
		      uint64_t size, uint64_t vaddr)
{
	int err;

	if (size == 0 || paddr + size < paddr)
		return -EINVAL;
	if (list->count == MAX_PHDRS)
		return -E2BIG;
	err = array_reserve(&list->items, &list->cap, list->count + 1,
			    sizeof(*list->items));
	if (err < 0)
		return err;
	list->items[list->count++] = (struct bi_elfcore_range){
		.paddr = paddr, .size = size, .vaddr = vaddr,
	};
	return 0;
}

void bi_elfcore_free(struct bi_elfcore *core)
{
	free(core->notes.items);
	free(core->loads.items);
	core->notes = (struct bi_elfcore_list){ 0 };
	core->loads = (struct bi_elfcore_list){ 0 };
}

static void fill_ehdr(Elf64_Ehdr *e, uint16_t machine, size_t phnum)
{
	memcpy(e->e_ident, ELFMAG, SELFMAG);
	e->e_ident[EI_CLASS] = ELFCLASS64;
	e->e_ident[EI_DATA] = ELFDATA2LSB;
	e->e_ident[EI_VERSION] = EV_CURRENT;
	e->e_ident[EI_OSABI] = ELFOSABI_NONE;
	e->e_type = ET_CORE;
	e->e_machine = machine;
	e->e_version = EV_CURRENT;
	e->e_phoff = sizeof(*e);
	e->e_ehsize = sizeof(*e);
	e->e_phentsize = sizeof(Elf64_Phdr);
	e->e_phnum = (Elf64_Half)phnum;
}

/* Notes and loads are read from the old kernel's memory: offset = paddr. */
static Elf64_Phdr *fill_phdrs(Elf64_Phdr *p, const struct bi_elfcore_list *l,
			      Elf64_Word type)
{
	size_t i;

	for (i = 0; i < l->count; i++, p++) {
		const struct bi_elfcore_range *r = &l->items[i];

		p->p_type = type;
		p->p_flags = type == PT_LOAD ? PF_R | PF_W | PF_X : 0;
		p->p_offset = r->paddr;
		p->p_paddr = r->paddr;
		p->p_vaddr = r->vaddr;
		p->p_filesz = r->size;
		p->p_memsz = r->size;
	}
	return p;
}

int bi_elfcore_build(const struct bi_elfcore *core, uint8_t **buf,
		     size_t *size)
{
	size_t phnum = core->notes.count + core->loads.count;
	size_t bytes = sizeof(Elf64_Ehdr) + phnum * sizeof(Elf64_Phdr);
	uint8_t *out;
	Elf64_Phdr *p;

	if (core->notes.count == 0 || phnum > MAX_PHDRS)
		return -EINVAL;
	out = calloc(1, bytes);
	if (!out)
		return -ENOMEM;
	fill_ehdr((Elf64_Ehdr *)out, core->machine, phnum);
	p = (Elf64_Phdr *)(out + sizeof(Elf64_Ehdr));
	p = fill_phdrs(p, &core->notes, PT_NOTE);
	fill_phdrs(p, &core->loads, PT_LOAD);
	*buf = out;
	*size = bytes;
	return 0;
}
