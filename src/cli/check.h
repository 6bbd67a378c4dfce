/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * bootimg --check: whether and how a kernel would load, known before
 * anything is touched, in words or in JSON.
 */
#ifndef BOOTIMG_CLI_CHECK_H
#define BOOTIMG_CLI_CHECK_H

#include <stdio.h>
#include "bootimg.h"

/* What --check found, for the text and the JSON printers. */
struct check_report {
	struct bootimg *ctx;
	const struct bootimg_facts *facts;
	const struct bootimg_request *req;	/* NULL: no kernel given */
	const struct bootimg_check *check;
	int exit_code;
	const char *cause;	/* why the load would fail, or NULL */
};

/* Read the facts, predict REQ if it names a kernel; the exit code. */
int do_check(struct bootimg *ctx, const struct bootimg_request *req,
	     int json);

/* Why METHOD would fail with ERR, in words (static, or in BUF). */
const char *check_method_reason(const struct check_report *r,
				enum bootimg_method method, int err,
				char *buf, size_t size);
/* "used", "passed over", "fails" or "not tried". */
const char *check_method_outcome(const struct bootimg_check *c,
				 enum bootimg_method method);
/* "none", "integrity", "confidentiality", or NULL when unknown. */
const char *check_lockdown_name(int lockdown);

void show_check(FILE *out, const struct check_report *r);
void show_check_json(FILE *out, const struct check_report *r);

#endif
