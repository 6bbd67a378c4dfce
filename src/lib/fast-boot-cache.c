// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fast boot through the cache of unpacked kernels (kernel-cache.h): the
 * vmlinux of a bzImage already unpacked once is read back instead of
 * unpacked again; the cache holds it unrelocated, and x86-kaslr.c
 * relocates this load's copy.
 */
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include "abi.h"
#include "fast-boot-cache.h"
#include "inputs.h"
#include "kernel-cache.h"

/*
 * KERNEL's vmlinux from CACHE (*HIT 1), or unpacked and, with WRITE,
 * written there (*HIT 0); a failed write is returned in *PUT_ERR.
 */
static int through_cache(struct bi_kernel_cache *cache,
			 const uint8_t key[BI_CACHE_KEY_SIZE], int write,
			 struct bi_kernel *kernel, int *hit, int *put_err)
{
	struct bi_cache_payload cached;
	uint8_t *vmlinux;
	size_t size;
	int err;

	*hit = 0;
	*put_err = 0;
	if (bi_cache_get(cache, key, &cached) == 0) {
		if (bi_bzimage_adopt_vmlinux(kernel, cached.data,
					     cached.size) == 0) {
			kernel->unpacked_map = cached.map;
			kernel->unpacked_map_size = cached.map_size;
			*hit = 1;
			return 0;
		}
		bi_cache_payload_free(&cached);
		bi_cache_drop(cache, key, "not the vmlinux of its image");
	}
	err = bi_bzimage_unpack_vmlinux(kernel, &vmlinux, &size);
	if (err < 0)
		return err;
	err = bi_bzimage_adopt_vmlinux(kernel, vmlinux, size);
	if (err < 0) {
		free(vmlinux);
		return err;
	}
	if (write)
		*put_err = bi_cache_put(cache, key, vmlinux, size);
	return 0;
}

static void log_unused(struct bootimg *ctx, const char *why)
{
	char dir[PATH_MAX];

	if (bi_cache_dir(ctx, dir, sizeof(dir)) < 0)
		strcpy(dir, BI_CACHE_DIR);
	bi_log(ctx, LOG_INFO, "kernel cache: %s: not used (%s)", dir, why);
}

static const char *open_error(int err)
{
	return err == -EPERM ? "not a directory of this user's own, mode 0700"
			     : strerror(-err);
}

int bi_fast_boot(struct bootimg *ctx, const struct bootimg_request *req,
		 int write, struct bi_kernel *kernel)
{
	struct bi_kernel_cache cache;
	uint8_t key[BI_CACHE_KEY_SIZE];
	int err, hit, put_err;

	if ((req->flags & BOOTIMG_LOAD_NO_CACHE) ||
	    kernel->info.format != bi_format_bzimage.name)
		return bi_bzimage_fast_boot(kernel);
	err = bi_cache_open(ctx, req->cache_bound, write, &cache);
	if (err < 0) {
		log_unused(ctx, open_error(err));
		return bi_bzimage_fast_boot(kernel);
	}
	bi_cache_key(kernel->image.data, kernel->image.size, key);
	err = through_cache(&cache, key, write, kernel, &hit, &put_err);
	if (put_err == -EFBIG)
		log_unused(ctx, "the kernel is larger than its bound");
	else if (put_err < 0)
		bi_log(ctx, LOG_INFO, "kernel cache: %s: not written (%s)",
		       cache.dir, strerror(-put_err));
	bi_cache_close(&cache);
	return err;
}

/* Warm the cache with the kernel of REQ, checked by bootimg_cache_warm(). */
static int warm(struct bootimg *ctx, const struct bootimg_request *req)
{
	struct bi_kernel_cache cache;
	uint8_t key[BI_CACHE_KEY_SIZE];
	struct bi_inputs in = { .kernel_file.fd = -1 };
	int err, hit = 0, put_err = 0;

	err = bi_file_open(ctx, req->kernel, &in.kernel_file);
	if (err == 0)
		err = bi_probe_file(&in.kernel_file, &in.kernel);
	if (err == 0 && in.kernel.info.format != bi_format_bzimage.name)
		err = bi_cause(BOOTIMG_CAUSE_FAST_BOOT_PAYLOAD);
	if (err < 0) {
		err = bi_fail(ctx, req->kernel, err);
		goto out;
	}
	err = bi_cache_open(ctx, req->cache_bound, 1, &cache);
	if (err < 0) {
		err = bi_fail(ctx, cache.dir, err == -EPERM ?
			      bi_cause(BOOTIMG_CAUSE_CACHE_NOT_PRIVATE) : err);
		goto out;
	}
	bi_cache_key(in.kernel.image.data, in.kernel.image.size, key);
	err = through_cache(&cache, key, 1, &in.kernel, &hit, &put_err);
	if (err < 0)
		err = bi_fail(ctx, req->kernel, err);
	else if (put_err < 0)
		err = bi_fail(ctx, put_err == -EFBIG ? req->kernel : cache.dir,
			      put_err == -EFBIG ?
			      bi_cause(BOOTIMG_CAUSE_CACHE_BOUND) : put_err);
	bi_cache_close(&cache);
out:
	bi_kernel_release(&in.kernel);
	bi_file_close(&in.kernel_file);
	return err < 0 ? err : hit;
}

int bootimg_cache_warm(struct bootimg *ctx,
		       const struct bootimg_request *caller_req)
{
	struct bootimg_request req;
	int err;

	bi_clear_error(ctx);
	err = ext_in(&req, sizeof(req), caller_req, BI_V1_REQUEST);
	if (err == 0 && !req.kernel)
		err = -EINVAL;
	if (err < 0)
		return bi_fail(ctx, NULL, err);
	return warm(ctx, &req);
}

int bootimg_cache_clear(struct bootimg *ctx)
{
	struct bi_kernel_cache cache;
	int err;

	bi_clear_error(ctx);
	err = bi_cache_open(ctx, 0, 0, &cache);
	if (err == -ENOENT)
		return 0;		/* nothing to clear */
	if (err < 0)
		return bi_fail(ctx, cache.dir, err == -EPERM ?
			       bi_cause(BOOTIMG_CAUSE_CACHE_NOT_PRIVATE) : err);
	err = bi_cache_evict(&cache, 0);
	bi_cache_close(&cache);
	return err < 0 ? bi_fail(ctx, cache.dir, err) : err;
}
