// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Facts about the running kernel that its crash dump needs:
 *   /proc/iomem         System RAM (top level) and "Crash kernel" ranges;
 *   cpuN/crash_notes    physical address of CPU N's note buffer (hex),
 *   cpuN/crash_notes_size  its size (decimal), for each possible CPU;
 *   /sys/kernel/vmcoreinfo  "ADDR SIZE" of the VMCOREINFO note (hex);
 *   /proc/kcore         program headers: the kernel text mapping and
 *                       the direct map's offset (optional).
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "crash.h"
#include "internal.h"
#include "iomem.h"
#include "macros.h"

#define KCORE_HEADER_MAX 65536
#define KERNEL_MAP_START 0xffffffff80000000ull	/* __START_KERNEL_map */
#define KERNEL_MAP_END 0xffffffffc0000000ull	/* modules start here */
#define DIRECT_MAP_MIN 0xff00000000000000ull
#define NO_PADDR (~0ull)

struct iomem_walk {
	struct bi_crash_facts *facts;
	struct bi_span ram[256];
	size_t n_ram;
};

static int collect(void *arg, const struct bi_iomem_entry *e)
{
	struct iomem_walk *w = arg;
	struct bi_crash_facts *f = w->facts;

	if (e->end == 0)
		return 0;	/* reaches 2^64: no RAM does */
	if (strcmp(e->name, "Crash kernel") == 0) {
		if (f->n_reserved == BI_CRASH_MAX_RESERVED)
			return -E2BIG;
		f->reserved[f->n_reserved++] =
			(struct bi_span){ .start = e->start, .end = e->end };
	} else if (e->depth == 0 && strcmp(e->name, "System RAM") == 0) {
		if (w->n_ram == ARRAY_SIZE(w->ram))
			return -E2BIG;
		w->ram[w->n_ram++] =
			(struct bi_span){ .start = e->start, .end = e->end };
	}
	return 0;
}

/* Add [start, end) less every reserved range, as PT_LOADs. */
static int add_ram(struct bi_crash_facts *f, uint64_t start, uint64_t end,
		   uint64_t page_offset)
{
	size_t i;

	for (i = 0; i < f->n_reserved && start < end; i++) {
		const struct bi_span *r = &f->reserved[i];

		if (r->end <= start || r->start >= end)
			continue;
		if (r->start > start) {
			int err = add_ram(f, start, r->start, page_offset);

			if (err < 0)
				return err;
		}
		start = r->end;
	}
	if (start >= end)
		return 0;
	return bi_elfcore_append(&f->core.loads, start, end - start,
				 page_offset ? page_offset + start : 0);
}

int bi_crash_parse_iomem(const char *text, size_t len,
			 struct bi_crash_facts *facts,
			 const struct bi_kcore_facts *kcore)
{
	struct iomem_walk *w = calloc(1, sizeof(*w));
	size_t i;
	int err;

	if (!w)
		return -ENOMEM;
	w->facts = facts;
	err = bi_iomem_parse(text, len, collect, w);
	if (err == 0 && kcore->text.size)
		err = bi_elfcore_append(&facts->core.loads, kcore->text.paddr,
					kcore->text.size, kcore->text.vaddr);
	for (i = 0; err == 0 && i < w->n_ram; i++)
		err = add_ram(facts, w->ram[i].start, w->ram[i].end,
			      kcore->page_offset);
	free(w);
	return err;
}

int bi_crash_parse_kcore(const uint8_t *buf, size_t len,
			 struct bi_kcore_facts *kcore)
{
	Elf64_Ehdr eh;
	size_t i;

	*kcore = (struct bi_kcore_facts){ 0 };
	if (len < sizeof(eh))
		return -EINVAL;
	memcpy(&eh, buf, sizeof(eh));
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_phentsize != sizeof(Elf64_Phdr) || eh.e_phoff > len ||
	    (len - eh.e_phoff) / sizeof(Elf64_Phdr) < eh.e_phnum)
		return -EINVAL;
	for (i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr ph;

		memcpy(&ph, buf + eh.e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD || ph.p_paddr == NO_PADDR ||
		    ph.p_memsz == 0)
			continue;
		if (ph.p_vaddr >= KERNEL_MAP_START &&
		    ph.p_vaddr < KERNEL_MAP_END && !kcore->text.size)
			kcore->text = (struct bi_elfcore_range){
				.paddr = ph.p_paddr, .size = ph.p_memsz,
				.vaddr = ph.p_vaddr,
			};
		else if (ph.p_vaddr >= DIRECT_MAP_MIN &&
			 ph.p_vaddr < KERNEL_MAP_START &&
			 ph.p_vaddr > ph.p_paddr && !kcore->page_offset)
			kcore->page_offset = ph.p_vaddr - ph.p_paddr;
	}
	return 0;
}

int bi_crash_parse_cpulist(const char *text, int (*fn)(void *, unsigned),
			   void *arg)
{
	const char *p = text;

	while (*p && *p != '\n') {
		unsigned long first, last, cpu;
		char *end;
		int err;

		if (*p < '0' || *p > '9')
			return -EINVAL;
		first = last = strtoul(p, &end, 10);
		if (*end == '-') {
			p = end + 1;
			if (*p < '0' || *p > '9')
				return -EINVAL;
			last = strtoul(p, &end, 10);
		}
		if (last < first || last >= 65536)
			return -EINVAL;
		for (cpu = first; cpu <= last; cpu++) {
			err = fn(arg, (unsigned)cpu);
			if (err < 0)
				return err;
		}
		p = end;
		if (*p == ',')
			p++;
		else if (*p && *p != '\n')
			return -EINVAL;
	}
	return 0;
}

struct cpu_walk {
	struct bootimg *ctx;
	struct bi_crash_facts *facts;
	const char *failed;	/* the file behind an error */
	char path[96];
};

static int read_u64(struct bootimg *ctx, const char *path, int base,
		    uint64_t *value)
{
	char buf[64], *end;
	int err = bi_read_sysfile(ctx, path, buf, sizeof(buf));

	if (err < 0)
		return err;
	errno = 0;
	*value = strtoull(buf, &end, base);
	if (errno || end == buf || (*end && *end != '\n'))
		return -EINVAL;
	return 0;
}

static int add_cpu_note(void *arg, unsigned cpu)
{
	struct cpu_walk *w = arg;
	uint64_t addr, size;
	int err;

	snprintf(w->path, sizeof(w->path),
		 "/sys/devices/system/cpu/cpu%u/crash_notes", cpu);
	err = read_u64(w->ctx, w->path, 16, &addr);
	if (err == -ENOENT)
		return 0;	/* possible, never present */
	if (err == 0) {
		strcat(w->path, "_size");
		err = read_u64(w->ctx, w->path, 10, &size);
	}
	if (err == 0)
		err = bi_elfcore_append(&w->facts->core.notes, addr, size, 0);
	return err;
}

static int read_cpu_notes(struct bootimg *ctx, struct bi_crash_facts *f)
{
	static const char possible[] = "/sys/devices/system/cpu/possible";
	struct cpu_walk w = { .ctx = ctx, .facts = f };
	char list[256];
	int err = bi_read_sysfile(ctx, possible, list, sizeof(list));

	if (err == -ENOENT)
		snprintf(list, sizeof(list), "0");	/* one CPU */
	else if (err >= 0)
		err = 0;
	if (err == 0)
		err = bi_crash_parse_cpulist(list, add_cpu_note, &w);
	if (err < 0)
		return bi_fail(ctx, w.path[0] ? w.path : possible, err);
	if (f->core.notes.count == 0)
		return bi_fail(ctx, "/sys/devices/system/cpu/cpu0/crash_notes",
			       -ENOENT);
	return 0;
}

static int read_vmcoreinfo(struct bootimg *ctx, struct bi_crash_facts *f)
{
	static const char path[] = "/sys/kernel/vmcoreinfo";
	unsigned long long addr, size;
	char buf[64];
	int err = bi_read_sysfile(ctx, path, buf, sizeof(buf));

	if (err >= 0 && sscanf(buf, "%llx %llx", &addr, &size) != 2)
		err = -EINVAL;
	if (err >= 0)
		err = bi_elfcore_append(&f->core.notes, addr, size, 0);
	return err < 0 ? bi_fail(ctx, path, err) : 0;
}

static void read_kcore(struct bootimg *ctx, struct bi_kcore_facts *kcore)
{
	char *buf = malloc(KCORE_HEADER_MAX);
	int n = buf ? bi_read_sysfile(ctx, "/proc/kcore", buf,
				      KCORE_HEADER_MAX) : -ENOMEM;

	*kcore = (struct bi_kcore_facts){ 0 };
	/* Optional: without it, no text mapping and no virtual addresses. */
	if (n > 0 && bi_crash_parse_kcore((const uint8_t *)buf, (size_t)n,
					  kcore) < 0)
		*kcore = (struct bi_kcore_facts){ 0 };
	free(buf);
}

int bi_crash_facts_read(struct bootimg *ctx, struct bi_crash_facts *facts)
{
	struct bi_kcore_facts kcore;
	char *text;
	size_t len;
	int err;

	*facts = (struct bi_crash_facts){ 0 };
	facts->core.machine = EM_X86_64;
	read_kcore(ctx, &kcore);
	err = bi_read_whole(ctx, "/proc/iomem", &text, &len);
	if (err == 0) {
		err = bi_crash_parse_iomem(text, len, facts, &kcore);
		free(text);
	}
	if (err < 0)
		err = bi_fail(ctx, "/proc/iomem", err);
	else if (facts->n_reserved == 0)
		err = bi_fail(ctx, NULL, -EDESTADDRREQ);
	if (err == 0)
		err = read_cpu_notes(ctx, facts);
	if (err == 0)
		err = read_vmcoreinfo(ctx, facts);
	if (err < 0)
		bi_crash_facts_free(facts);
	return err;
}

void bi_crash_facts_free(struct bi_crash_facts *facts)
{
	bi_elfcore_free(&facts->core);
	facts->n_reserved = 0;
}

uint64_t bi_crash_reserved_size(struct bootimg *ctx)
{
	uint64_t size;

	return read_u64(ctx, "/sys/kernel/kexec_crash_size", 10, &size) < 0
		       ? 0 : size;
}
