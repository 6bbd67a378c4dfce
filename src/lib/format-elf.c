// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ELF vmlinux, as the kernel build leaves it (and as a bzImage carries it,
 * compressed): PT_LOAD segments loaded at their physical addresses
 * (p_paddr) and entered at e_entry, the uncompressed kernel's own entry
 * (startup_64, or startup_32 for a 32-bit kernel).  Such a kernel has no
 * setup header: the fields of boot_params.hdr it reads are made up here.
 */
#include <elf.h>
#include <string.h>
#include "format.h"
#include "internal.h"
#include "macros.h"

#define BOOT_PROTOCOL 0x020f		/* the header below is a 2.15 one */
#define CMDLINE_SIZE 2047u		/* x86 COMMAND_LINE_SIZE, less NUL */
#define INITRD_ADDR_MAX 0x7fffffffu
#define HEADER_MAGIC 0x53726448u	/* "HdrS" */
#define BANNER "Linux version "

/* The fields of either ELF class that matter here. */
struct elf_header {
	uint16_t type, machine, phentsize, phnum, shentsize, shnum;
	uint64_t entry, phoff, shoff;
};

struct elf_phdr {
	uint32_t type;
	uint64_t offset, vaddr, paddr, filesz, memsz;
};

struct elf_class {
	const char *format;
	unsigned char ident_class;
	uint16_t machine;
	size_t ehdr_size, phdr_size;
	uint64_t phys_limit;		/* every segment ends at or below it */
	unsigned entry64 : 1;
	void (*read_ehdr)(const uint8_t *p, struct elf_header *h);
	void (*read_phdr)(const uint8_t *p, struct elf_phdr *ph);
};

static void read_ehdr64(const uint8_t *p, struct elf_header *h)
{
	Elf64_Ehdr e;

	memcpy(&e, p, sizeof(e));
	*h = (struct elf_header){ .type = e.e_type, .machine = e.e_machine,
		.phentsize = e.e_phentsize, .phnum = e.e_phnum,
		.shentsize = e.e_shentsize, .shnum = e.e_shnum,
		.entry = e.e_entry, .phoff = e.e_phoff, .shoff = e.e_shoff };
}

static void read_phdr64(const uint8_t *p, struct elf_phdr *ph)
{
	Elf64_Phdr e;

	memcpy(&e, p, sizeof(e));
	*ph = (struct elf_phdr){ .type = e.p_type, .offset = e.p_offset,
		.vaddr = e.p_vaddr, .paddr = e.p_paddr,
		.filesz = e.p_filesz, .memsz = e.p_memsz };
}

static void read_ehdr32(const uint8_t *p, struct elf_header *h)
{
	Elf32_Ehdr e;

	memcpy(&e, p, sizeof(e));
	*h = (struct elf_header){ .type = e.e_type, .machine = e.e_machine,
		.phentsize = e.e_phentsize, .phnum = e.e_phnum,
		.shentsize = e.e_shentsize, .shnum = e.e_shnum,
		.entry = e.e_entry, .phoff = e.e_phoff, .shoff = e.e_shoff };
}

static void read_phdr32(const uint8_t *p, struct elf_phdr *ph)
{
	Elf32_Phdr e;

	memcpy(&e, p, sizeof(e));
	*ph = (struct elf_phdr){ .type = e.p_type, .offset = e.p_offset,
		.vaddr = e.p_vaddr, .paddr = e.p_paddr,
		.filesz = e.p_filesz, .memsz = e.p_memsz };
}

/*
 * x86_64 physical addresses have at most 52 bits; a 32-bit kernel is
 * entered with paging off, so it must lie below 4 GiB.
 */
static const struct elf_class classes[] = {
	{ "ELF vmlinux (64-bit)", ELFCLASS64, EM_X86_64, sizeof(Elf64_Ehdr),
	  sizeof(Elf64_Phdr), 1ull << 52, 1, read_ehdr64, read_phdr64 },
	{ "ELF vmlinux (32-bit)", ELFCLASS32, EM_386, sizeof(Elf32_Ehdr),
	  sizeof(Elf32_Phdr), 1ull << 32, 0, read_ehdr32, read_phdr32 },
};

static const struct elf_class *find_class(const uint8_t *data, size_t size)
{
	size_t i;

	if (size < EI_NIDENT || memcmp(data, ELFMAG, SELFMAG) != 0 ||
	    data[EI_DATA] != ELFDATA2LSB)
		return NULL;
	for (i = 0; i < ARRAY_SIZE(classes); i++)
		if (classes[i].ident_class == data[EI_CLASS])
			return &classes[i];
	return NULL;
}

/* The ELF header of DATA and its class: -ENOEXEC, not ELF; -EBADMSG. */
static int read_header(const uint8_t *data, size_t size,
		       const struct elf_class **c, struct elf_header *h)
{
	*c = find_class(data, size);
	if (!*c)
		return -ENOEXEC;
	if (size < (*c)->ehdr_size)
		return -EBADMSG;
	(*c)->read_ehdr(data, h);
	return 0;
}

/*
 * Add a PT_LOAD segment, page-aligned, after checking it against DATA
 * (-EBADMSG) and its sizes and addresses (SEGMENT_RANGE: p_memsz smaller
 * than p_filesz, or p_paddr + p_memsz past the class's physical limit,
 * which also keeps the page-aligned end from wrapping around).
 */
static int add_segment(struct bi_kernel *k, const struct elf_class *c,
		       const struct elf_phdr *ph, const uint8_t *data,
		       size_t size)
{
	uint64_t lead = ph->paddr % BI_PAGE_SIZE;
	struct bi_load_segment *s;
	size_t i;

	if (ph->offset > size || ph->filesz > size - ph->offset ||
	    ph->offset < lead)
		return -EBADMSG;
	if (ph->filesz > ph->memsz || ph->paddr >= c->phys_limit ||
	    ph->memsz > c->phys_limit - ph->paddr)
		return bi_cause(BOOTIMG_CAUSE_SEGMENT_RANGE);
	if (k->n_segments == BI_MAX_KERNEL_SEGMENTS)
		return -EBADMSG;
	s = &k->segments[k->n_segments];
	*s = (struct bi_load_segment){
		.buf = data + ph->offset - lead, .bufsz = ph->filesz + lead,
		.mem = ph->paddr - lead,
		.memsz = bi_align_up(ph->memsz + lead, BI_PAGE_SIZE),
	};
	for (i = 0; i < k->n_segments; i++) {
		const struct bi_load_segment *o = &k->segments[i];

		if (s->mem < o->mem + o->memsz && o->mem < s->mem + s->memsz)
			return -EBADMSG;	/* overlapping segments */
	}
	k->n_segments++;
	return 0;
}

/* The entry point as a physical address: e_entry may be either. */
static int physical_entry(const struct elf_phdr *loads, size_t n,
			  uint64_t entry, uint64_t *phys)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (entry >= loads[i].paddr &&
		    entry - loads[i].paddr < loads[i].memsz) {
			*phys = entry;
			return 0;
		}
	for (i = 0; i < n; i++)
		if (entry >= loads[i].vaddr &&
		    entry - loads[i].vaddr < loads[i].memsz) {
			*phys = entry - loads[i].vaddr + loads[i].paddr;
			return 0;
		}
	return -EBADMSG;
}

static void copy_banner(const uint8_t *data, size_t size, char *out,
			size_t out_size)
{
	const uint8_t *p = memmem(data, size, BANNER, sizeof(BANNER) - 1);
	size_t i = 0;

	if (p) {
		p += sizeof(BANNER) - 1;
		for (; i + 1 < out_size && p + i < data + size; i++) {
			if (p[i] < 0x20 || p[i] > 0x7e)
				break;
			out[i] = (char)p[i];
		}
	}
	out[i] = '\0';
}

/* The setup header a boot loader would have found in a bzImage. */
static void make_header(struct bi_kernel *k, const struct elf_class *c)
{
	struct setup_header *h = &k->own_header;

	h->boot_flag = 0xaa55;
	h->header = HEADER_MAGIC;
	h->version = BOOT_PROTOCOL;
	h->loadflags = LOADED_HIGH;
	h->code32_start = (uint32_t)k->info.pref_address;
	h->initrd_addr_max = INITRD_ADDR_MAX;
	h->cmdline_size = CMDLINE_SIZE;
	h->xloadflags = c->entry64 ? XLF_KERNEL_64 : 0;
	h->pref_address = k->info.pref_address;
	h->init_size = (uint32_t)k->info.init_size;
}

static void describe(struct bi_kernel *k, const struct elf_class *c,
		     const uint8_t *data, size_t size)
{
	struct bootimg_info *info = &k->info;
	uint64_t low = ~0ull, high = 0;
	size_t i;

	for (i = 0; i < k->n_segments; i++) {
		const struct bi_load_segment *s = &k->segments[i];

		low = s->mem < low ? s->mem : low;
		high = s->mem + s->memsz > high ? s->mem + s->memsz : high;
		info->payload_size += s->bufsz;
	}
	info->format = c->format;
	copy_banner(data, size, k->version, sizeof(k->version));
	info->protocol = BOOT_PROTOCOL;
	info->file_size = size;
	info->init_size = high - low;
	info->pref_address = low;
	info->cmdline_size = CMDLINE_SIZE;
	info->initrd_addr_max = INITRD_ADDR_MAX;
	info->loadflags = LOADED_HIGH;
	info->entry64 = c->entry64;
	info->xloadflags = c->entry64 ? XLF_KERNEL_64 : 0;
	make_header(k, c);
	k->setup_header_size = sizeof(k->own_header);
}

int bi_elf_parse(const uint8_t *data, size_t size, struct bi_kernel *kernel)
{
	struct elf_phdr loads[BI_MAX_KERNEL_SEGMENTS];
	const struct elf_class *c;
	struct elf_header h;
	size_t i, n = 0;
	int err = read_header(data, size, &c, &h);

	if (err < 0)
		return err;
	if (h.machine != c->machine || h.type != ET_EXEC)
		return -ENOEXEC;	/* another architecture, or no program */
	if (h.phentsize != c->phdr_size || h.phnum == 0 || h.phoff > size ||
	    (size - h.phoff) / c->phdr_size < h.phnum)
		return -EBADMSG;

	memset(kernel, 0, sizeof(*kernel));
	for (i = 0; i < h.phnum; i++) {
		struct elf_phdr ph;

		c->read_phdr(data + h.phoff + i * c->phdr_size, &ph);
		if (ph.type != PT_LOAD || ph.memsz == 0)
			continue;
		err = add_segment(kernel, c, &ph, data, size);
		if (err < 0)
			return err;
		loads[n++] = ph;
	}
	if (n == 0 || physical_entry(loads, n, h.entry, &kernel->entry) < 0)
		return -EBADMSG;
	kernel->kernel_map = loads[0].vaddr - loads[0].paddr;
	describe(kernel, c, data, size);
	kernel->image = (struct bi_file){ .fd = -1, .data = data,
					  .size = size };
	return 0;
}

/* A + B, or UINT64_MAX if that wraps. */
static uint64_t add_saturated(uint64_t a, uint64_t b)
{
	return a + b < a ? UINT64_MAX : a + b;
}

/*
 * The end of the section header table (the linker puts it last), of the
 * program headers, and of every segment whose header lies in DATA.
 */
static int elf_declared_size(const uint8_t *data, size_t size,
			     uint64_t *bytes)
{
	const struct elf_class *c;
	struct elf_header h;
	uint64_t end;
	size_t i;
	int err = read_header(data, size, &c, &h);

	if (err < 0)
		return err;
	end = add_saturated(h.shoff, (uint64_t)h.shnum * h.shentsize);
	if (add_saturated(h.phoff, (uint64_t)h.phnum * c->phdr_size) > end)
		end = add_saturated(h.phoff, (uint64_t)h.phnum * c->phdr_size);
	for (i = 0; i < h.phnum && h.phoff <= size &&
		    (size - h.phoff) / c->phdr_size > i; i++) {
		struct elf_phdr ph;

		c->read_phdr(data + h.phoff + i * c->phdr_size, &ph);
		if (ph.type == PT_LOAD &&
		    add_saturated(ph.offset, ph.filesz) > end)
			end = add_saturated(ph.offset, ph.filesz);
	}
	*bytes = end;
	return 0;
}

static int elf_probe(const struct bi_file *file, struct bi_kernel *kernel)
{
	int err = bi_elf_parse(file->data, file->size, kernel);

	if (err == 0)
		kernel->image = *file;
	return err;
}

const struct bi_format bi_format_elf = {
	.name = "ELF vmlinux",
	.probe = elf_probe,
	.declared_size = elf_declared_size,
};
