// SPDX-License-Identifier: GPL-2.0-or-later
#include <inttypes.h>
#include "escape.h"
#include "show.h"

static const char *yes_no(unsigned flag)
{
	return flag ? "yes" : "no";
}

void show_info(FILE *out, const char *path, const struct bootimg_info *info)
{
	fprintf(out, "file:             ");
	put_escaped(out, path);
	fputc('\n', out);
	fprintf(out, "format:           ");
	if (info->container)
		fprintf(out, "%s (%s)", info->container, info->format);
	else
		fprintf(out, "%s", info->format);
	if (info->compression)
		fprintf(out, ", %s-compressed", info->compression);
	fputc('\n', out);
	fprintf(out, "version:          ");
	put_escaped(out, info->version[0] ? info->version : "(none)");
	fputc('\n', out);
	fprintf(out, "boot protocol:    %u.%02u\n", info->protocol >> 8,
		info->protocol & 0xff);
	fprintf(out, "relocatable:      %s\n", yes_no(info->relocatable));
	fprintf(out, "64-bit entry:     %s\n", yes_no(info->entry64));
	fprintf(out, "initrd above 4G:  %s\n", yes_no(info->initrd_above_4g));
	fprintf(out, "file size:        %" PRIu64 "\n", info->file_size);
	fprintf(out, "payload size:     %" PRIu64 "\n", info->payload_size);
	fprintf(out, "init size:        %" PRIu64 "\n", info->init_size);
	fprintf(out, "pref address:     0x%" PRIx64 "\n", info->pref_address);
	fprintf(out, "alignment:        0x%" PRIx32 "\n",
		info->kernel_alignment);
	fprintf(out, "cmdline size:     %" PRIu32 "\n", info->cmdline_size);
	fprintf(out, "initrd addr max:  0x%" PRIx32 "\n",
		info->initrd_addr_max);
	fprintf(out, "xloadflags:       0x%" PRIx16 "\n", info->xloadflags);
}

void show_plan(FILE *out, const struct bootimg_plan *plan)
{
	struct bootimg_plan_summary s = { .size = sizeof(s) };
	struct bootimg_segment seg = { .size = sizeof(seg) };
	size_t i, n = bootimg_plan_segment_count(plan);

	fprintf(out, "%-12s %12s %12s  %s\n", "segment", "size", "memsize",
		"physical range");
	for (i = 0; i < n && bootimg_plan_segment(plan, i, &seg) == 0; i++)
		fprintf(out, "%-12s %12" PRIu64 " %12" PRIu64
			"  0x%016" PRIx64 "-0x%016" PRIx64 "\n",
			seg.what, seg.bufsz, seg.memsz, seg.mem,
			seg.mem + seg.memsz - 1);
	bootimg_plan_summarize(plan, &s);
	fprintf(out, "entry (purgatory):  0x%" PRIx64 "\n", s.entry);
	fprintf(out, "kernel entry:       0x%" PRIx64 " (%u-bit)\n",
		s.kernel_entry, (unsigned)s.entry_bits);
	fprintf(out, "boot_params:        0x%" PRIx64 "\n", s.boot_params);
	fprintf(out, "cmd_line_ptr:       0x%" PRIx64 "\n", s.cmd_line_ptr);
	fprintf(out, "ramdisk_image:      0x%" PRIx64 "\n", s.ramdisk_image);
	fprintf(out, "ramdisk_size:       %" PRIu64 "\n", s.ramdisk_size);
	fprintf(out, "e820_entries:       %" PRIu32 "\n", s.e820_entries);
	fprintf(out, "loadflags:          0x%02x\n", s.loadflags);
}

void show_status(FILE *out, const struct bootimg_status *status)
{
	fprintf(out, "kernel:        %s\n", !status->loaded ? "not staged" :
		status->module ? "staged (bootimg.ko)" : "staged");
	fprintf(out, "panic kernel:  %s", status->panic_loaded ? "staged"
							    : "not staged");
	if (status->panic_reserved)
		fprintf(out, " (%" PRIu64 " MiB reserved)",
			status->panic_reserved >> 20);
	fputc('\n', out);
}
