// SPDX-License-Identifier: GPL-2.0-or-later
/* bootimg --check: the facts and the prediction, in words. */
#include <errno.h>
#include <inttypes.h>
#include "auto-reasons.h"
#include "check.h"
#include "escape.h"
#include "failure.h"

static const char *tristate(int value, const char *yes, const char *no)
{
	return value < 0 ? "unknown" : value ? yes : no;
}

static uint64_t mib(uint64_t bytes)
{
	return (bytes + (1u << 20) - 1) >> 20;
}

static void show_security(FILE *out, const struct bootimg_facts *f)
{
	const char *lockdown = check_lockdown_name(f->lockdown);

	fprintf(out, "lockdown:            %s\n", lockdown ? lockdown :
		f->needs_root & BOOTIMG_FACT_LOCKDOWN ?
		"unknown (reading it needs root)" : "unknown");
	fprintf(out, "kexec_load_disabled: %s\n",
		tristate(f->kexec_load_disabled, "1 (kexec is switched off)",
			 "0"));
	fprintf(out, "kexec_load:          %s\n",
		tristate(f->has_kexec, "yes", "no"));
	fprintf(out, "kexec_file_load:     %s\n",
		tristate(f->has_kexec_file, "yes", "no"));
	fprintf(out, "signature checks:    KEXEC_SIG %s, KEXEC_SIG_FORCE %s",
		tristate(f->kexec_sig, "yes", "no"),
		tristate(f->kexec_sig_force, "yes", "no"));
	if (f->config[0]) {
		fputs(" (", out);
		put_escaped(out, f->config);
		fputc(')', out);
	} else {
		fputs(" (no /proc/config.gz or /boot/config-*)", out);
	}
	fprintf(out, "\nIMA appraisal:       %s\n",
		f->ima_appraise_kexec == 1 ? "appraises kexec images "
		"(func=KEXEC_KERNEL_CHECK)" : f->ima_appraise_kexec == 0 ?
		"no rule for kexec images" :
		f->needs_root & BOOTIMG_FACT_IMA_POLICY ?
		"unknown (reading the policy needs root)" : "unknown");
	fprintf(out, "IMA and kexec:       %s\n", f->ima_kexec == 1 ?
		"a rule measures or appraises kexec images" :
		f->ima_kexec == 0 ? "no rule for kexec" :
		"unknown (a policy that cannot be read)");
	fprintf(out, "Secure Boot:         %s\n", !f->efi ?
		"no (not booted through UEFI)" :
		tristate(f->secure_boot, "on", "off"));
	fprintf(out, "kexec handover:      %s\n",
		tristate(f->kho, "on (KHO)", "off"));
}

static void show_system(FILE *out, const struct bootimg_facts *f)
{
	fprintf(out, "bootimg.ko:          %s\n", f->module_loaded ? "loaded" :
		f->module_available == 1 ? "not loaded, installed "
		"(modprobe bootimg)" : f->module_available == 0 ?
		"not loaded, not installed" : "not loaded");
	fprintf(out, "crashkernel:         ");
	if (f->crash_size)
		fprintf(out, "%" PRIu64 " MiB reserved, panic kernel %s\n",
			mib(f->crash_size), tristate(f->crash_loaded, "staged",
						     "not staged"));
	else
		fprintf(out, "nothing reserved\n");
	fprintf(out, "watchdog:            ");
	if (f->watchdogs) {
		fprintf(out, "%u device%s (", f->watchdogs,
			f->watchdogs > 1 ? "s" : "");
		put_escaped(out, f->watchdog);
		fputs("): a running one keeps counting across the reboot\n", out);
	} else {
		fputs("none\n", out);
	}
	if (!f->root)
		fputs("privileges:          not root: the load needs root "
		      "(CAP_SYS_BOOT); predicted as root would load\n", out);
}

static void show_signature(FILE *out, const struct bootimg_check *c,
			   int root)
{
	fprintf(out, "signature:           %s; required: %s; accepted: %s",
		c->pe_signed ? "signed (Authenticode)" : "unsigned",
		tristate(c->signature_required, "yes", "no"),
		tristate(c->signature_accepted, "yes", "no"));
	if (c->pe_signed && c->signature_required)
		fputs(c->signature_accepted == 1 ? " (a key of the kernel's "
		      "keyrings matches its signer)" :
		      c->signature_accepted == 0 ? " (no key of the kernel's "
		      "keyrings matches its signer)" : root ? "" :
		      " (the kernel's keyrings: only root sees them)", out);
	fputc('\n', out);
}

static void show_memory(FILE *out, const struct check_report *r)
{
	const struct bootimg_check *c = r->check;
	int panic = (r->req->flags & BOOTIMG_LOAD_PANIC) != 0;
	char buf[96];

	fprintf(out, "memory:              ");
	if (c->plan_error == -EACCES || c->plan_error == -EPERM) {
		fputs("unknown (planning a panic kernel needs root)\n", out);
		return;
	}
	if (c->plan_error == 0)
		fprintf(out, "fits: the segments take %" PRIu64 " MiB",
			mib(c->plan_bytes));
	else if (c->plan_error == -ENOSPC)
		fprintf(out, "does not fit: it needs at least %" PRIu64
			" MiB", mib(c->plan_bytes));
	else
		fprintf(out, "cannot be planned (%s)",
			check_method_reason(r, BOOTIMG_METHOD_KEXEC,
					    c->plan_error, buf, sizeof(buf)));
	if (panic)
		fprintf(out, "; the crashkernel= reservation is %" PRIu64
			" MiB\n", mib(c->largest_ram_size));
	else
		fprintf(out, "; the largest RAM range is %" PRIu64 " MiB at "
			"0x%" PRIx64 "\n", mib(c->largest_ram_size),
			c->largest_ram_start);
}

static void show_prediction(FILE *out, const struct check_report *r)
{
	const struct bootimg_check *c = r->check;
	enum bootimg_method m;
	char buf[96];

	fputs("kernel:              ", out);
	put_escaped(out, r->req->kernel);
	fputc('\n', out);
	if (r->req->method == BOOTIMG_METHOD_AUTO)
		fprintf(out, "auto:                %s\n",
			auto_reason_text(c->reason));
	show_signature(out, c, r->facts->root);
	show_memory(out, r);
	for (m = BOOTIMG_METHOD_FILE; m <= BOOTIMG_METHOD_MODULE; m++) {
		const char *outcome = check_method_outcome(c, m);
		int err = bootimg_check_method_error(c, m);

		fprintf(out, "method %-6s       %s", bootimg_method_name(m),
			outcome);
		if (err < 0)
			fprintf(out, ": %s", check_method_reason(r, m, err, buf,
								 sizeof(buf)));
		fputc('\n', out);
	}
	if (r->exit_code == 0)
		fprintf(out, "verdict:             the load would succeed "
			"with method %s\n", bootimg_method_name(c->used));
	else
		fprintf(out, "verdict:             the load would fail "
			"(exit %d): %s\n", r->exit_code, r->cause);
}

void show_check(FILE *out, const struct check_report *r)
{
	fputs("running kernel:      ", out);
	put_escaped(out, r->facts->release[0] ? r->facts->release : "unknown");
	fputc('\n', out);
	show_security(out, r->facts);
	show_system(out, r->facts);
	if (r->req)
		show_prediction(out, r);
}

int do_check(struct bootimg *ctx, const struct bootimg_request *req,
	     int json)
{
	struct bootimg_facts facts = { .size = sizeof(facts) };
	struct bootimg_check check = { .size = sizeof(check) };
	struct check_report r = { ctx, &facts, NULL, &check, 0, NULL };
	char buf[96];
	int err = bootimg_read_facts(ctx, &facts);

	if (err == 0 && req->kernel)
		err = bootimg_check(ctx, req, &facts, &check);
	if (err < 0)
		return report_failure(ctx, err, "check");
	if (req->kernel) {
		r.req = req;
		if (check.verdict < 0)
			r.cause = describe_failure(ctx, check.verdict, buf,
						   sizeof(buf), &r.exit_code);
		/* A method's refusal: say it as that method's. */
		if (check.verdict < 0 &&
		    check.verdict ==
			    bootimg_check_method_error(&check, check.used))
			r.cause = check_method_reason(&r, check.used,
						      check.verdict, buf,
						      sizeof(buf));
	}
	if (json)
		show_check_json(stdout, &r);
	else
		show_check(stdout, &r);
	return r.exit_code;
}
