/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Load methods: each hands a request to the running kernel its own way. */
#ifndef BOOTIMG_BACKEND_H
#define BOOTIMG_BACKEND_H

#include "bootimg.h"

struct bi_backend {
	int (*load)(struct bootimg *ctx, const struct bootimg_request *req);
	int (*unload)(struct bootimg *ctx, unsigned flags);
};

extern const struct bi_backend bi_backend_file;
extern const struct bi_backend bi_backend_kexec;

#endif
