// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bootimg_check(): what bootimg_load() would do with a request, predicted
 * from the facts about the running kernel, the files and a plan made
 * without loading anything.  auto's order is bi_auto_run()'s, the same
 * as the load's.
 */
#include <stdlib.h>
#include "abi.h"
#include "method.h"
#include "facts.h"
#include "internal.h"
#include "macros.h"
#include "plan.h"

struct prediction {
	const struct bootimg_request *req;
	const struct bootimg_facts *f;
	const struct bi_inputs *in;
	struct bootimg_check *c;
};

static int locked_down(const struct bootimg_facts *f)
{
	return f->lockdown == BOOTIMG_LOCKDOWN_INTEGRITY ||
	       f->lockdown == BOOTIMG_LOCKDOWN_CONFIDENTIALITY;
}

/* kexec_file_load refuses an image whose PE signature does not verify. */
static int pe_signature_demanded(const struct bootimg_facts *f)
{
	return f->kexec_sig_force == 1 || locked_down(f);
}

/* Does a key of the kernel's keyrings match the signer of CERTS? */
static int signer_trusted(struct bootimg *ctx, const uint8_t *certs,
			  size_t size)
{
	char *keys;
	size_t len;
	int trusted;

	if (bi_read_whole(ctx, "/proc/keys", &keys, &len) < 0)
		return BOOTIMG_UNKNOWN;
	trusted = bi_keys_match_signer(keys, len, certs, size);
	free(keys);
	return trusted;
}

/*
 * kexec_file_load demands a valid signature under KEXEC_SIG_FORCE, under
 * lockdown, and where IMA appraises kexec images (IMA checks signatures
 * of its own, which bootimg does not).  A signed image is accepted if a
 * key of the kernel's keyrings matches its signer, which only root sees.
 */
static void judge_signature(struct bootimg *ctx, const struct bootimg_facts *f,
			    const struct bi_file *image,
			    struct bootimg_check *c)
{
	const uint8_t *certs;
	size_t size;

	c->pe_signed = bi_pe_signed(image->data, image->size, &certs, &size);
	if (pe_signature_demanded(f) || f->ima_appraise_kexec == 1)
		c->signature_required = 1;
	else if (f->kexec_sig_force < 0 || f->lockdown < 0 ||
		 f->ima_appraise_kexec < 0)
		c->signature_required = BOOTIMG_UNKNOWN;
	else
		c->signature_required = 0;
	if (c->signature_required == 0)
		c->signature_accepted = 1;
	else if (c->pe_signed)
		c->signature_accepted = signer_trusted(ctx, certs, size);
	else	/* IMA may still accept a signature of its own */
		c->signature_accepted = pe_signature_demanded(f) ?
					0 : BOOTIMG_UNKNOWN;
}

/* Only root can read what some plans need: no obstacle, just unknown. */
static int plan_obstacle(const struct bootimg_check *c)
{
	return c->plan_error == -EACCES || c->plan_error == -EPERM ?
	       0 : c->plan_error;
}

static int predict_file(const struct prediction *p)
{
	if (p->f->has_kexec_file == 0)
		return -ENOSYS;
	if (!p->in->kernel.file_loadable)
		return -EOPNOTSUPP;
	if (p->f->kexec_load_disabled == 1)
		return -EPERM;
	/* The verdict of a bad signature, but lockdown's own is EPERM. */
	if (p->c->signature_accepted == 0 && pe_signature_demanded(p->f))
		return p->f->kexec_sig_force == 1 ? -EKEYREJECTED : -EPERM;
	/* The kernel places the segments itself, in the same RAM. */
	return plan_obstacle(p->c) == -ENOSPC ? -ENOSPC : 0;
}

static int predict_kexec(const struct prediction *p)
{
	if (p->f->has_kexec == 0)
		return -ENOSYS;
	if (p->f->kexec_load_disabled == 1 || locked_down(p->f))
		return -EPERM;
	return plan_obstacle(p->c);
}

/* bootimg.ko refuses to load under lockdown, and has no panic kernel. */
static int predict_module(const struct prediction *p)
{
	if (p->req->flags & BOOTIMG_LOAD_PANIC)
		return -EOPNOTSUPP;
	if (p->f->module_loaded == 0)
		return -ENOSYS;
	if (locked_down(p->f))
		return -EPERM;
	return plan_obstacle(p->c);
}

/* Where C keeps METHOD's error: file, kexec or module. */
static int *method_error(struct bootimg_check *c, enum bootimg_method method)
{
	return method == BOOTIMG_METHOD_FILE ? &c->file_error :
	       method == BOOTIMG_METHOD_KEXEC ? &c->kexec_error :
	       &c->module_error;
}

int bootimg_check_method_error(const struct bootimg_check *c,
			       enum bootimg_method method)
{
	switch (method) {
	case BOOTIMG_METHOD_FILE:
		return c->file_error;
	case BOOTIMG_METHOD_KEXEC:
		return c->kexec_error;
	case BOOTIMG_METHOD_MODULE:
		return c->module_error;
	default:
		return -EINVAL;
	}
}

static int try_prediction(void *arg, enum bootimg_method method)
{
	const struct prediction *p = arg;
	int err = method == BOOTIMG_METHOD_FILE ? predict_file(p) :
		  method == BOOTIMG_METHOD_KEXEC ? predict_kexec(p) :
		  predict_module(p);

	*method_error(p->c, method) = err;
	return err;
}

static uint64_t inputs_size(const struct bi_inputs *in)
{
	uint64_t size = in->kernel.info.init_size;
	size_t i;

	for (i = 0; i < in->n_initrds; i++)
		size += in->initrds[i].size;
	for (i = 0; i < in->n_modules; i++)
		size += in->modules[i].size;
	return size;
}

/* The plan's memory, or what the inputs need at least when it fails. */
static void try_plan(struct bootimg *ctx, const struct bootimg_request *req,
		     const struct bi_inputs *in, struct bootimg_check *c)
{
	struct bootimg_plan *plan;
	size_t i;

	c->plan_error = bi_plan_new(ctx, req, in, &plan);
	if (c->plan_error < 0) {
		c->plan_bytes = inputs_size(in);
		return;
	}
	for (i = 0; i < plan->n_segments; i++)
		c->plan_bytes += plan->segments[i].memsz;
	bootimg_plan_free(plan);
}

static void find_largest_ram(struct bootimg *ctx,
			     const struct bootimg_request *req,
			     const struct bootimg_facts *f,
			     struct bootimg_check *c)
{
	struct bi_memmap map;
	size_t i;

	if (req->flags & BOOTIMG_LOAD_PANIC) {
		c->largest_ram_size = f->crash_size;
		return;
	}
	if (bi_memmap_read(ctx, &map) < 0)
		return;
	for (i = 0; i < map.count; i++) {
		const struct bi_mem_range *r = &map.ranges[i];

		if (r->type == BI_MEM_RAM &&
		    r->end - r->start > c->largest_ram_size) {
			c->largest_ram_start = r->start;
			c->largest_ram_size = r->end - r->start;
		}
	}
	bi_memmap_free(&map);
}

/* bootimg_check() on structs of this library's size. */
static int check(struct bootimg *ctx, const struct bootimg_request *req,
		 const struct bootimg_facts *facts, struct bootimg_check *c)
{
	struct bootimg_request used;
	struct bi_inputs in;
	struct prediction p = { &used, facts, &in, c };
	struct bootimg_load_result result = { .used = req->method };
	int err, refused;

	if ((unsigned)req->method > BOOTIMG_METHOD_MODULE)
		return bi_fail(ctx, NULL, -EINVAL);
	err = bi_auto_inputs_open(ctx, req, facts, 0, &used, &c->reason, &in);
	if (err < 0)
		return err;
	c->flags = used.flags;
	judge_signature(ctx, facts, &in.kernel.image, c);
	try_plan(ctx, &used, &in, c);
	find_largest_ram(ctx, &used, facts, c);
	refused = c->verdict = bi_request_refused(ctx, &used);
	if (c->verdict == 0 && used.method == BOOTIMG_METHOD_AUTO)
		c->verdict = bi_auto_run(&used, c->reason, try_prediction, &p,
					 &result);
	else if (c->verdict == 0)
		c->verdict = try_prediction(&p, used.method);
	c->used = result.used;
	if (c->used == BOOTIMG_METHOD_FILE)
		c->flags &= ~BOOTIMG_LOAD_FAST_BOOT;
	bi_inputs_close(&in);
	/* The channel keeps a refusal's cause; predictions record none. */
	if (!refused)
		bi_clear_error(ctx);
	return 0;
}

int bootimg_check(struct bootimg *ctx, const struct bootimg_request *caller_req,
		  const struct bootimg_facts *caller_facts,
		  struct bootimg_check *caller_c)
{
	struct bootimg_request req;
	struct bootimg_facts facts;
	struct bootimg_check c;
	int err;

	bi_clear_error(ctx);
	err = ext_in(&req, sizeof(req), caller_req, BI_V1_REQUEST);
	if (err == 0)
		err = ext_in(&facts, sizeof(facts), caller_facts, BI_V1_FACTS);
	if (err == 0)
		err = ext_out_ok(caller_c, BI_V1_CHECK);
	if (err < 0)
		return bi_fail(ctx, NULL, err);
	c = (struct bootimg_check){
		.size = sizeof(c), .used = req.method,
		.file_error = BOOTIMG_NOT_TRIED,
		.kexec_error = BOOTIMG_NOT_TRIED,
		.module_error = BOOTIMG_NOT_TRIED,
		.reason = BOOTIMG_AUTO_NOT_AUTO, .flags = req.flags,
	};
	err = check(ctx, &req, &facts, &c);
	ext_out(caller_c, &c, sizeof(c));
	return err;
}
