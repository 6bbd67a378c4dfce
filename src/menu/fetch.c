// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fetch a URL into a file with libcurl: HTTP(S), TFTP and file URLs
 * only, bounded in size and time, written to PATH.part and renamed when
 * whole, so a failed fetch leaves nothing a later boot would take.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <curl/curl.h>
#include "net.h"

int fetch_make_parents(const char *path)
{
	char *dir = strdup(path), *p;
	int err = 0;

	if (!dir)
		return -ENOMEM;
	for (p = strchr(dir + 1, '/'); p && !err; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(dir, 0700) && errno != EEXIST)
			err = -errno;
		*p = '/';
	}
	free(dir);
	return err;
}

/* The negative errno and the cause of a failed transfer. */
static int transfer_error(CURL *curl, CURLcode rc, const char *detail,
			  char *why, size_t size)
{
	long status = 0;

	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
	switch (rc) {
	case CURLE_HTTP_RETURNED_ERROR:
		snprintf(why, size, "HTTP status %ld", status);
		return status == 404 || status == 410 ? -ENOENT : -EIO;
	case CURLE_TFTP_NOTFOUND:
	case CURLE_REMOTE_FILE_NOT_FOUND:
	case CURLE_FILE_COULDNT_READ_FILE:
		snprintf(why, size, "no such file");
		return -ENOENT;
	case CURLE_FILESIZE_EXCEEDED:
		snprintf(why, size, "larger than %ld MiB",
			 FETCH_MAX_BYTES >> 20);
		return -EFBIG;
	case CURLE_OPERATION_TIMEDOUT:
		snprintf(why, size, "%s", *detail ? detail :
			 curl_easy_strerror(rc));
		return -ETIMEDOUT;
	default:
		snprintf(why, size, "%s", *detail ? detail :
			 curl_easy_strerror(rc));
		return -EIO;
	}
}

/* Stop a transfer (TFTP, or HTTP without a length) past the limit. */
static int progress(void *unused, curl_off_t dltotal, curl_off_t dlnow,
		    curl_off_t ultotal, curl_off_t ulnow)
{
	(void)unused, (void)dltotal, (void)ultotal, (void)ulnow;
	return dlnow > FETCH_MAX_BYTES;
}

static int transfer(const char *url, FILE *out, char *why, size_t size)
{
	char detail[CURL_ERROR_SIZE] = "";
	CURL *curl = curl_easy_init();
	CURLcode rc;
	int err = 0;

	if (!curl)
		return -ENOMEM;
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,tftp,file");
	curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, out);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, (long)FETCH_CONNECT_TIMEOUT);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, (long)FETCH_TIMEOUT);
	curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
			 (curl_off_t)FETCH_MAX_BYTES);
	curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress);
	curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	/* TFTP's 512-byte blocks make a kernel slow; 1428 fits an MTU of
	 * 1500 (and qemu's server); a server that declines keeps 512. */
	curl_easy_setopt(curl, CURLOPT_TFTP_BLKSIZE, 1428L);
	rc = curl_easy_perform(curl);
	if (rc == CURLE_ABORTED_BY_CALLBACK)
		rc = CURLE_FILESIZE_EXCEEDED;
	if (rc != CURLE_OK)
		err = transfer_error(curl, rc, detail, why, size);
	curl_easy_cleanup(curl);
	return err;
}

int fetch_url(const char *url, const char *path, char *why, size_t size)
{
	char *part = malloc(strlen(path) + 6);
	FILE *out = NULL;
	int err = part ? fetch_make_parents(path) : -ENOMEM;

	if (!err) {
		sprintf(part, "%s.part", path);
		out = fopen(part, "wxe");
		if (!out)
			err = -errno;
	}
	if (err)
		snprintf(why, size, "%s: %s", part ? part : path,
			 strerror(-err));
	else
		err = transfer(url, out, why, size);
	if (out && fclose(out) && !err) {
		err = -errno;
		snprintf(why, size, "%s: %s", part, strerror(-err));
	}
	if (!err && rename(part, path)) {
		err = -errno;
		snprintf(why, size, "%s: %s", path, strerror(-err));
	}
	if (err && out)
		unlink(part);
	free(part);
	return err;
}
