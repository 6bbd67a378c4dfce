// SPDX-License-Identifier: GPL-2.0-or-later
/* bootimg --check --json: the facts and the prediction as one object. */
#include <errno.h>
#include <string.h>
#include "auto-reasons.h"
#include "check.h"
#include "json-out.h"
#include "macros.h"

static struct json_object *needs_root_json(unsigned needs_root)
{
	static const struct { unsigned bit; const char *name; } facts[] = {
		{ BOOTIMG_FACT_LOCKDOWN, "lockdown" },
		{ BOOTIMG_FACT_IMA_POLICY, "ima_policy" },
		{ BOOTIMG_FACT_KEXEC_CONFIG, "kernel_config" },
	};
	struct json_object *list = json_object_new_array();
	size_t i;

	for (i = 0; i < ARRAY_SIZE(facts); i++)
		if (needs_root & facts[i].bit)
			json_object_array_add(list,
				json_object_new_string(facts[i].name));
	return list;
}

static struct json_object *facts_json(const struct bootimg_facts *f)
{
	struct json_object *o = json_object_new_object();

	json_put_string(o, "release", f->release[0] ? f->release : NULL);
	json_put_bool(o, "root", f->root);
	json_put_string(o, "lockdown", check_lockdown_name(f->lockdown));
	json_put_tristate(o, "kexec_load_disabled", f->kexec_load_disabled);
	json_put_tristate(o, "kexec_load", f->has_kexec);
	json_put_tristate(o, "kexec_file_load", f->has_kexec_file);
	json_put_tristate(o, "kexec_sig", f->kexec_sig);
	json_put_tristate(o, "kexec_sig_force", f->kexec_sig_force);
	json_put_string(o, "config", f->config[0] ? f->config : NULL);
	json_put_tristate(o, "ima_appraise_kexec", f->ima_appraise_kexec);
	json_put_tristate(o, "ima_kexec", f->ima_kexec);
	json_put_tristate(o, "kho", f->kho);
	json_put_bool(o, "efi", f->efi);
	json_put_tristate(o, "secure_boot", f->secure_boot);
	json_put_bool(o, "module_loaded", f->module_loaded);
	json_put_tristate(o, "module_available", f->module_available);
	json_put_u64(o, "crash_reserved", f->crash_size);
	json_put_tristate(o, "crash_staged", f->crash_loaded);
	json_put_u64(o, "watchdogs", f->watchdogs);
	json_put_string(o, "watchdog", f->watchdog[0] ? f->watchdog : NULL);
	json_object_object_add(o, "needs_root", needs_root_json(f->needs_root));
	return o;
}

static struct json_object *methods_json(const struct check_report *r)
{
	struct json_object *list = json_object_new_array();
	enum bootimg_method m;
	char buf[96];

	for (m = BOOTIMG_METHOD_FILE; m <= BOOTIMG_METHOD_MODULE; m++) {
		struct json_object *o = json_object_new_object();
		int err = bootimg_check_method_error(r->check, m);

		json_put_string(o, "method", bootimg_method_name(m));
		json_put_string(o, "outcome", check_method_outcome(r->check, m));
		json_put_string(o, "error", err < 0 ? strerrorname_np(-err)
						    : NULL);
		json_put_string(o, "reason", err < 0 ?
				check_method_reason(r, m, err, buf,
						    sizeof(buf)) : NULL);
		json_object_array_add(list, o);
	}
	return list;
}

static struct json_object *kernel_json(const struct check_report *r)
{
	const struct bootimg_check *c = r->check;
	struct json_object *o = json_object_new_object();
	int plan_known = c->plan_error != -EACCES && c->plan_error != -EPERM;

	json_put_string(o, "path", r->req->kernel);
	json_put_bool(o, "panic", r->req->flags & BOOTIMG_LOAD_PANIC);
	json_put_bool(o, "signed", c->pe_signed);
	json_put_tristate(o, "signature_required", c->signature_required);
	json_put_tristate(o, "signature_accepted", c->signature_accepted);
	json_put_tristate(o, "fits", plan_known ? c->plan_error == 0
						: BOOTIMG_UNKNOWN);
	json_put_u64(o, "plan_bytes", c->plan_bytes);
	json_put_u64(o, "largest_ram_start", c->largest_ram_start);
	json_put_u64(o, "largest_ram_size", c->largest_ram_size);
	json_object_object_add(o, "methods", methods_json(r));
	return o;
}

void show_check_json(FILE *out, const struct check_report *r)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "facts", facts_json(r->facts));
	if (r->req) {
		json_object_object_add(o, "kernel", kernel_json(r));
		json_put_string(o, "method",
				bootimg_method_name(r->check->used));
		json_put_bool(o, "fast_boot",
			      r->check->flags & BOOTIMG_LOAD_FAST_BOOT);
		if (r->req->method == BOOTIMG_METHOD_AUTO) {
			json_put_string(o, "auto_reason",
					auto_reason_key(r->check->reason));
			json_put_string(o, "auto",
					auto_reason_text(r->check->reason));
		}
		json_put_bool(o, "would_load", r->exit_code == 0);
		json_put_string(o, "error", r->check->verdict < 0 ?
				strerrorname_np(-r->check->verdict) : NULL);
		json_put_string(o, "cause", r->cause);
	}
	json_put_int(o, "exit_code", r->exit_code);
	json_print(out, o);
}
