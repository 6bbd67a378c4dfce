// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>
#include "inputs.h"
#include "internal.h"

static int open_kernel(struct bootimg *ctx, const char *path,
		       struct bi_inputs *in)
{
	int err = bi_file_open(ctx, path, &in->kernel_file);

	if (err < 0)
		return err;
	err = bi_probe_file(&in->kernel_file, &in->kernel);
	return err < 0 ? bi_fail(ctx, path, err) : 0;
}

int bi_inputs_open(struct bootimg *ctx, const struct bootimg_request *req,
		   struct bi_inputs *in)
{
	size_t i;
	int err;

	*in = (struct bi_inputs){ .kernel_file.fd = -1 };
	if (!req->kernel)
		return bi_fail(ctx, NULL, -EINVAL);
	err = open_kernel(ctx, req->kernel, in);
	if (err < 0)
		goto fail;

	in->cmdline = req->cmdline ? req->cmdline : "";
	in->cmdline_len = strlen(in->cmdline);
	if (in->cmdline_len > in->kernel.info.cmdline_size) {
		err = bi_fail(ctx, req->kernel, -E2BIG);
		goto fail;
	}

	in->initrds = calloc(req->n_initrds ? req->n_initrds : 1,
			     sizeof(*in->initrds));
	if (!in->initrds) {
		err = bi_fail(ctx, NULL, -ENOMEM);
		goto fail;
	}
	for (i = 0; i < req->n_initrds; i++) {
		err = bi_file_open(ctx, req->initrds[i], &in->initrds[i]);
		if (err < 0)
			goto fail;
		in->n_initrds++;
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
	for (i = 0; i < in->n_initrds; i++)
		bi_file_close(&in->initrds[i]);
	free(in->initrds);
	in->initrds = NULL;
	in->n_initrds = 0;
}
