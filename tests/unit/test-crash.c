// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The panic kernel's plan on tests/fixtures/qemu-crash-1g, taken from a
 * Debian 6.1 kernel booted in qemu with crashkernel=256M and -smp 2: the
 * ELF core header (notes, RAM, kernel text), the e820 map limited to the
 * reservation, elfcorehdr= on the command line, every segment inside
 * the "Crash kernel" range.
 */
#include <asm/bootparam.h>
#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "crash.h"
#include "fake-bzimage.h"
#include "files.h"
#include "internal.h"
#include "plan.h"
#include "plan-segment.h"
#include "tap.h"

#define CMDLINE "console=ttyS0 nr_cpus=1"
#define CRASH_START 0x1d000000ull
#define CRASH_END 0x2d000000ull
#define PAGE_OFFSET 0xffff8cba40000000ull

static struct bootimg *context(const char *name)
{
	struct bootimg *ctx;

	if (bootimg_new(&ctx) < 0 || bi_set_sysroot(ctx, fixture(name)))
		exit(99);
	return ctx;
}

static void check_range(const struct bi_elfcore_range *r, uint64_t paddr,
			uint64_t size, uint64_t vaddr)
{
	CHECK_EQ(r->paddr, paddr);
	CHECK_EQ(r->size, size);
	CHECK_EQ(r->vaddr, vaddr);
}

static void test_facts(void)
{
	struct bootimg *ctx = context("qemu-crash-1g");
	struct bi_crash_facts f;
	const struct bi_elfcore_range *l;

	printf("# facts of qemu-crash-1g\n");
	CHECK_EQ(bi_crash_facts_read(ctx, &f), 0);
	CHECK_EQ(f.n_reserved, 1);
	CHECK_EQ(f.reserved[0].start, CRASH_START);
	CHECK_EQ(f.reserved[0].end, CRASH_END);
	CHECK_EQ(f.core.notes.count, 3);
	if (f.core.notes.count == 3) {
		check_range(&f.core.notes.items[0], 0x3ea3a400, 368, 0);
		check_range(&f.core.notes.items[1], 0x3eb3a400, 368, 0);
		check_range(&f.core.notes.items[2], 0x11f2000, 0x1024, 0);
	}
	/* The text mapping from /proc/kcore, then RAM less the reservation. */
	CHECK_EQ(f.core.loads.count, 4);
	l = f.core.loads.items;
	if (f.core.loads.count == 4) {
		check_range(&l[0], 0x2d200000, 0x3430000, 0xffffffffa5c00000);
		check_range(&l[1], 0x1000, 0x9ec00, PAGE_OFFSET + 0x1000);
		check_range(&l[2], 0x100000, CRASH_START - 0x100000,
			    PAGE_OFFSET + 0x100000);
		check_range(&l[3], CRASH_END, 0x3ffe0000 - CRASH_END,
			    PAGE_OFFSET + CRASH_END);
	}
	CHECK_EQ(bi_crash_reserved_size(ctx), 256ull << 20);
	bi_crash_facts_free(&f);
	bootimg_free(ctx);

	ctx = context("iomem-only");
	CHECK_EQ(bi_crash_facts_read(ctx, &f), -ENOSPC);
	CHECK_EQ(bootimg_last_error(ctx)->cause,
		 BOOTIMG_CAUSE_NO_CRASH_RESERVATION);
	CHECK_EQ(bi_crash_reserved_size(ctx), 0);
	bootimg_free(ctx);
	ctx = context("qemu-pc-1g");
	CHECK_EQ(bi_crash_facts_read(ctx, &f), -ENOENT);
	CHECK(strcmp(bootimg_error_path(ctx), "/proc/iomem") == 0);
	bootimg_free(ctx);
}

static void test_elfcore(void)
{
	struct bi_elfcore core = { .machine = EM_X86_64 };
	const Elf64_Ehdr *eh;
	const Elf64_Phdr *ph;
	uint8_t *buf;
	size_t size;

	printf("# the ELF core header\n");
	CHECK_EQ(bi_elfcore_build(&core, &buf, &size), -EINVAL); /* no note */
	bi_elfcore_append(&core.notes, 0x3ea3a400, 368, 0);
	bi_elfcore_append(&core.notes, 0x11f2000, 0x1024, 0);
	bi_elfcore_append(&core.loads, 0x100000, 0x1000000, PAGE_OFFSET + 0x100000);
	CHECK_EQ(bi_elfcore_append(&core.loads, ~0ull - 10, 20, 0), -EINVAL);
	CHECK_EQ(bi_elfcore_append(&core.loads, 0x1000, 0, 0), -EINVAL);
	CHECK_EQ(bi_elfcore_build(&core, &buf, &size), 0);
	CHECK_EQ(size, sizeof(Elf64_Ehdr) + 3 * sizeof(Elf64_Phdr));
	eh = (const Elf64_Ehdr *)buf;
	ph = (const Elf64_Phdr *)(buf + sizeof(*eh));
	CHECK(memcmp(eh->e_ident, ELFMAG, SELFMAG) == 0);
	CHECK_EQ(eh->e_ident[EI_CLASS], ELFCLASS64);
	CHECK_EQ(eh->e_ident[EI_DATA], ELFDATA2LSB);
	CHECK_EQ(eh->e_type, ET_CORE);
	CHECK_EQ(eh->e_machine, EM_X86_64);
	CHECK_EQ(eh->e_phoff, sizeof(*eh));
	CHECK_EQ(eh->e_phentsize, sizeof(*ph));
	CHECK_EQ(eh->e_phnum, 3);
	CHECK_EQ(ph[0].p_type, PT_NOTE);
	CHECK_EQ(ph[0].p_offset, 0x3ea3a400);
	CHECK_EQ(ph[0].p_filesz, 368);
	CHECK_EQ(ph[1].p_type, PT_NOTE);
	CHECK_EQ(ph[1].p_paddr, 0x11f2000);
	CHECK_EQ(ph[2].p_type, PT_LOAD);
	CHECK_EQ(ph[2].p_offset, 0x100000);
	CHECK_EQ(ph[2].p_paddr, 0x100000);
	CHECK_EQ(ph[2].p_vaddr, PAGE_OFFSET + 0x100000);
	CHECK_EQ(ph[2].p_filesz, 0x1000000);
	CHECK_EQ(ph[2].p_memsz, 0x1000000);
	CHECK_EQ(ph[2].p_flags, PF_R | PF_W | PF_X);
	free(buf);
	bi_elfcore_free(&core);
}

static int count_cpu(void *arg, unsigned cpu)
{
	unsigned *seen = arg;

	seen[0]++;
	seen[1] += cpu;
	return 0;
}

static void test_cpulist(void)
{
	unsigned seen[2] = { 0, 0 };

	printf("# cpu lists\n");
	CHECK_EQ(bi_crash_parse_cpulist("0-3,8\n", count_cpu, seen), 0);
	CHECK_EQ(seen[0], 5);
	CHECK_EQ(seen[1], 0 + 1 + 2 + 3 + 8);
	CHECK_EQ(bi_crash_parse_cpulist("3-1", count_cpu, seen), -EINVAL);
	CHECK_EQ(bi_crash_parse_cpulist("0,", count_cpu, seen), 0);
	CHECK_EQ(bi_crash_parse_cpulist("x", count_cpu, seen), -EINVAL);
	CHECK_EQ(bi_crash_parse_cpulist("0-", count_cpu, seen), -EINVAL);
	CHECK_EQ(bi_crash_parse_cpulist("0-99999", count_cpu, seen), -EINVAL);
}

static void check_e820(const struct boot_params *bp, uint64_t hdr)
{
	int acpi_kept = 0, hdr_reserved = 0;
	unsigned i;

	for (i = 0; i < bp->e820_entries; i++) {
		const struct boot_e820_entry *e = &bp->e820_table[i];

		if (e->type == BI_MEM_RAM)
			CHECK(e->addr + e->size <= BI_MIB ||
			      (e->addr >= CRASH_START &&
			       e->addr + e->size <= CRASH_END));
		if (e->type == BI_MEM_RESERVED && e->addr == 0x3ffe0000)
			acpi_kept = 1;
		if (e->type == BI_MEM_RESERVED && e->addr == hdr &&
		    e->size == 4096)
			hdr_reserved = 1;
	}
	CHECK(acpi_kept);
	CHECK(hdr_reserved);
}

static void test_plan(const char *kernel)
{
	struct bootimg_request req = {
		.size = sizeof(req),
		.kernel = kernel, .cmdline = CMDLINE,
		.method = BOOTIMG_METHOD_KEXEC, .flags = BOOTIMG_LOAD_PANIC,
	};
	struct bootimg *ctx = context("qemu-crash-1g");
	const struct bi_segment *hdr, *params;
	struct bootimg_plan *plan = NULL;
	char want[128], *longline;
	size_t i;

	printf("# the panic kernel's plan\n");
	CHECK_EQ(bootimg_plan_new(ctx, &req, &plan), 0);
	if (!plan)
		return;
	hdr = plan_segment(plan, "elfcorehdr", 0);
	params = plan_segment(plan, "boot-params", 0);
	CHECK(hdr && params);
	if (!hdr || !params)
		return;
	for (i = 0; i < plan->n_segments; i++) {
		const struct bi_segment *s = &plan->segments[i];

		CHECK(s->mem >= CRASH_START && s->mem + s->memsz <= CRASH_END);
	}
	CHECK_EQ(hdr->bufsz, sizeof(Elf64_Ehdr) + 7 * sizeof(Elf64_Phdr));
	CHECK_EQ(((const Elf64_Ehdr *)hdr->buf)->e_phnum, 7);
	snprintf(want, sizeof(want), CMDLINE " elfcorehdr=0x%llx",
		 (unsigned long long)hdr->mem);
	CHECK(strcmp((const char *)params->buf + sizeof(struct boot_params),
		     want) == 0);
	check_e820(params->buf, hdr->mem);
	bootimg_plan_free(plan);

	/* The command line with elfcorehdr= must still fit. */
	longline = calloc(1, FAKE_CMDLINE_SIZE);
	memset(longline, 'x', FAKE_CMDLINE_SIZE - 10);
	req.cmdline = longline;
	plan = NULL;
	CHECK_EQ(bootimg_plan_new(ctx, &req, &plan), -E2BIG);
	free(longline);
	bootimg_free(ctx);
}

int main(void)
{
	size_t size = fake_bzimage_size();
	uint8_t *img = malloc(size);

	fake_bzimage(img);
	test_facts();
	test_elfcore();
	test_cpulist();
	test_plan(write_temp("vmlinuz", img, size));
	free(img);
	temp_cleanup();
	return tap_done();
}
