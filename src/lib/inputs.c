// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "cmdline-edit.h"
#include "fast-boot-cache.h"
#include "initrd-cpio.h"
#include "inputs.h"
#include "internal.h"
#include "plan.h"
#include "x86-kaslr.h"

#define CMDLINE_EDIT_MAX (64u * 1024)

/*
 * Probe the kernel; with FAST_BOOT, unpack a bzImage's vmlinux too, or
 * read it from the cache, which CACHE_WRITE fills.
 */
static int open_kernel(struct bootimg *ctx, const struct bootimg_request *req,
		       int cache_write, struct bi_inputs *in)
{
	int err = bi_file_open(ctx, req->kernel, &in->kernel_file);

	if (err < 0)
		return err;
	err = bi_probe_file(&in->kernel_file, &in->kernel);
	if (err == 0 && (req->flags & BOOTIMG_LOAD_FAST_BOOT))
		err = bi_fast_boot(ctx, req, cache_write, &in->kernel);
	return err < 0 ? bi_fail(ctx, req->kernel, err) : 0;
}

/*
 * The request's command line, else the image's own (UKI), else none;
 * edited: the removed keys (and a panic kernel's crashkernel=) dropped,
 * then the append added.
 */
static int choose_cmdline(struct bootimg *ctx,
			  const struct bootimg_request *req,
			  struct bi_inputs *in)
{
	const struct bi_kernel *k = &in->kernel;
	const char *base = req->cmdline ? req->cmdline : "";
	size_t base_len = strlen(base);
	struct bi_cmdline_edit edit = { .append = req->append };
	const char **remove;
	int err;

	if (!req->cmdline && k->cmdline) {
		base = k->cmdline;
		base_len = k->cmdline_len;
	}
	/* Far beyond any kernel's limit: not worth editing word by word. */
	if (base_len > CMDLINE_EDIT_MAX ||
	    (req->append && strlen(req->append) > CMDLINE_EDIT_MAX))
		return bi_fail_cmdline_too_long(ctx, req->kernel,
						k->info.cmdline_size);
	remove = calloc(req->n_remove + 1, sizeof(*remove));
	if (!remove)
		return bi_fail(ctx, NULL, -ENOMEM);
	if (req->n_remove)
		memcpy(remove, req->remove, req->n_remove * sizeof(*remove));
	edit.remove = remove;
	edit.n_remove = req->n_remove;
	if (req->flags & BOOTIMG_LOAD_PANIC)
		remove[edit.n_remove++] = "crashkernel";
	err = bi_cmdline_edit(base, base_len, &edit, &in->own_cmdline);
	free(remove);
	if (err < 0)
		return bi_fail(ctx, NULL, err);
	in->cmdline = in->own_cmdline;
	in->cmdline_len = strlen(in->cmdline);
	return 0;
}

/* Modules for a multiboot kernel, initrds for any other. */
static int check_kind(struct bootimg *ctx, const struct bootimg_request *req,
		      const struct bi_inputs *in)
{
	if (in->kernel.boot == &bi_boot_multiboot)
		return req->n_initrds + req->n_initrd_files == 0 ? 0 :
		       bi_fail(ctx, req->kernel,
			       bi_cause(BOOTIMG_CAUSE_MULTIBOOT_TAKES_MODULES));
	return req->n_modules == 0 ? 0 :
	       bi_fail(ctx, req->kernel,
		       bi_cause(BOOTIMG_CAUSE_MODULES_NEED_MULTIBOOT));
}

/* Each module's file: its string up to the first blank. */
static int open_modules(struct bootimg *ctx, const struct bootimg_request *req,
			struct bi_inputs *in)
{
	size_t i, total = 0;
	char *name;
	int err;

	for (i = 0; i < req->n_modules; i++)
		total += strcspn(req->modules[i], " \t") + 1;
	in->modules = calloc(req->n_modules + 1, sizeof(*in->modules));
	in->module_names = name = malloc(total + 1);
	if (!in->modules || !name)
		return bi_fail(ctx, NULL, -ENOMEM);
	in->module_args = req->modules;
	for (i = 0; i < req->n_modules; i++) {
		size_t len = strcspn(req->modules[i], " \t");

		memcpy(name, req->modules[i], len);
		name[len] = '\0';
		err = bi_file_open(ctx, name, &in->modules[i]);
		if (err < 0)
			return err;
		in->n_modules++;
		name += len + 1;
	}
	return 0;
}

/*
 * Fast boot's placement of the vmlinux, which reads the command line and
 * leaves the initrds room.
 */
static int place_fast_boot(struct bootimg *ctx,
			   const struct bootimg_request *req,
			   struct bi_inputs *in)
{
	uint64_t initrds = 0;
	size_t i;
	int err;

	for (i = 0; i < in->n_initrds; i++)
		initrds += bi_align_up(in->initrds[i].size, BI_PAGE_SIZE);
	bi_fail(ctx, NULL, 0);
	err = bi_x86_kaslr(ctx, &in->kernel, in->cmdline, initrds);
	return err < 0 ? bi_fail_blame(ctx, req->kernel, err) : 0;
}

int bi_inputs_open(struct bootimg *ctx, const struct bootimg_request *req,
		   int cache_write, struct bi_inputs *in)
{
	size_t i;
	int err;

	*in = (struct bi_inputs){ .kernel_file.fd = -1 };
	if (!req->kernel)
		return bi_fail(ctx, NULL, -EINVAL);
	err = open_kernel(ctx, req, cache_write, in);
	if (err < 0)
		goto fail;

	err = check_kind(ctx, req, in);
	if (err < 0)
		goto fail;
	err = choose_cmdline(ctx, req, in);
	if (err < 0)
		goto fail;
	if (in->cmdline_len > in->kernel.info.cmdline_size) {
		err = bi_fail_cmdline_too_long(ctx, req->kernel,
					       in->kernel.info.cmdline_size);
		goto fail;
	}

	/* and one for the image's own, one for the initrd files */
	in->initrds = calloc(req->n_initrds + 2, sizeof(*in->initrds));
	if (!in->initrds) {
		err = bi_fail(ctx, NULL, -ENOMEM);
		goto fail;
	}
	if (in->kernel.initrd.size) {	/* borrowed from the kernel's file */
		in->initrds[in->n_initrds++] = in->kernel.initrd;
		in->n_embedded = 1;
	}
	for (i = 0; i < req->n_initrds; i++) {
		err = bi_file_open(ctx, req->initrds[i],
				   &in->initrds[in->n_initrds]);
		if (err < 0)
			goto fail;
		in->n_initrds++;
	}
	if (req->n_initrd_files) {
		err = bi_initrd_cpio(ctx, req->initrd_files,
				     req->n_initrd_files,
				     &in->initrds[in->n_initrds]);
		if (err < 0)
			goto fail;
		in->n_initrds++;
	}
	err = open_modules(ctx, req, in);
	if (err < 0)
		goto fail;
	if (in->kernel.unpacked) {
		err = place_fast_boot(ctx, req, in);
		if (err < 0)
			goto fail;
	}
	return 0;
fail:
	bi_inputs_close(in);
	return err;
}

void bi_inputs_close(struct bi_inputs *in)
{
	size_t i;

	bi_kernel_release(&in->kernel);
	bi_file_close(&in->kernel_file);
	for (i = in->n_embedded; i < in->n_initrds; i++)
		bi_file_close(&in->initrds[i]);
	free(in->initrds);
	for (i = 0; i < in->n_modules; i++)
		bi_file_close(&in->modules[i]);
	free(in->modules);
	free(in->module_names);
	in->modules = NULL;
	in->module_names = NULL;
	in->n_modules = 0;
	free(in->own_cmdline);
	in->own_cmdline = NULL;
	in->n_embedded = 0;
	in->initrds = NULL;
	in->n_initrds = 0;
}
