// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include "json-out.h"
#include "show-json.h"

void show_info_json(FILE *out, const char *path,
		    const struct bootimg_info *info)
{
	struct json_object *o = json_object_new_object();
	char protocol[16];

	snprintf(protocol, sizeof(protocol), "%u.%02u", info->protocol >> 8,
		 info->protocol & 0xff);
	json_put_string(o, "file", path);
	json_put_string(o, "format", info->format);
	json_put_string(o, "container", info->container);
	json_put_string(o, "compression", info->compression);
	json_put_string(o, "version", info->version[0] ? info->version : NULL);
	json_put_string(o, "boot_protocol", protocol);
	json_put_bool(o, "relocatable", info->relocatable);
	json_put_bool(o, "entry64", info->entry64);
	json_put_bool(o, "initrd_above_4g", info->initrd_above_4g);
	json_put_u64(o, "file_size", info->file_size);
	json_put_u64(o, "payload_size", info->payload_size);
	json_put_u64(o, "init_size", info->init_size);
	json_put_u64(o, "pref_address", info->pref_address);
	json_put_u64(o, "kernel_alignment", info->kernel_alignment);
	json_put_u64(o, "cmdline_size", info->cmdline_size);
	json_put_u64(o, "initrd_addr_max", info->initrd_addr_max);
	json_put_u64(o, "xloadflags", info->xloadflags);
	json_print(out, o);
}

static struct json_object *segments_json(const struct bootimg_plan *plan)
{
	struct json_object *list = json_object_new_array();
	struct bootimg_segment seg = { .size = sizeof(seg) };
	size_t i, n = bootimg_plan_segment_count(plan);

	for (i = 0; i < n && bootimg_plan_segment(plan, i, &seg) == 0; i++) {
		struct json_object *s = json_object_new_object();

		json_put_string(s, "what", seg.what);
		json_put_u64(s, "size", seg.bufsz);
		json_put_u64(s, "memsize", seg.memsz);
		json_put_u64(s, "start", seg.mem);
		json_put_u64(s, "end", seg.mem + seg.memsz);
		json_object_array_add(list, s);
	}
	return list;
}

void show_plan_json(FILE *out, const struct bootimg_request *req,
		    const struct bootimg_plan *plan)
{
	struct json_object *o = json_object_new_object();
	struct bootimg_plan_summary s = { .size = sizeof(s) };

	bootimg_plan_summarize(plan, &s);
	json_put_string(o, "kernel", req->kernel);
	json_put_string(o, "method", bootimg_method_name(req->method));
	/* The new kernel's, after --append and --remove. */
	json_put_string(o, "command_line", bootimg_plan_cmdline(plan));
	json_object_object_add(o, "segments", segments_json(plan));
	json_put_u64(o, "entry", s.entry);
	json_put_u64(o, "kernel_entry", s.kernel_entry);
	json_put_int(o, "entry_bits", s.entry_bits);
	json_put_u64(o, "boot_params", s.boot_params);
	json_put_u64(o, "cmd_line_ptr", s.cmd_line_ptr);
	json_put_u64(o, "ramdisk_image", s.ramdisk_image);
	json_put_u64(o, "ramdisk_size", s.ramdisk_size);
	json_put_u64(o, "e820_entries", s.e820_entries);
	json_put_u64(o, "loadflags", s.loadflags);
	json_print(out, o);
}

/* KEY: bootimg-reboot's attempt A, or null. */
static void put_attempt(struct json_object *o, const char *key,
			const struct attempt *a)
{
	struct json_object *v;

	if (!a) {
		json_object_object_add(o, key, NULL);
		return;
	}
	v = json_object_new_object();
	json_put_string(v, "id", a->id);
	json_put_string(v, "entry", a->entry);
	json_put_string(v, "kernel", a->kernel);
	json_put_u64(v, "time", (uint64_t)a->time);
	json_put_u64(v, "watchdog", a->watchdog);
	if (a->confirmed)
		json_put_u64(v, "confirmed", (uint64_t)a->confirmed);
	else
		json_object_object_add(v, "confirmed", NULL);
	json_object_object_add(o, key, v);
}

void show_status_json(FILE *out, const struct bootimg_status *status,
		      const struct attempt *last)
{
	struct json_object *o = json_object_new_object();

	json_put_bool(o, "staged", status->loaded);
	json_put_string(o, "staged_with", !status->loaded ? NULL :
			status->module ? "module" : "kexec");
	json_put_bool(o, "panic_staged", status->panic_loaded);
	json_put_u64(o, "panic_reserved", status->panic_reserved);
	put_attempt(o, "last_attempt", last);
	json_print(out, o);
}
