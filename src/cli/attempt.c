// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "attempt.h"
#include "escape.h"
#include "sysroot.h"

#define STATE_DIR "/var/lib/bootimg"
#define STATE_FILE STATE_DIR "/attempt"
#define CMDLINE_KEY "bootimg.attempt="

const char *attempt_path(void)
{
	static char *path;

	if (!path)
		path = sysroot_path(STATE_FILE);
	return path;
}

static int copy_text(char *field, const char *value)
{
	size_t len = strlen(value);

	if (len >= ATTEMPT_TEXT_MAX)
		return -EINVAL;
	memcpy(field, value, len + 1);
	return 0;
}

static int parse_number(long long *field, const char *value)
{
	char *end;

	errno = 0;
	*field = strtoll(value, &end, 10);
	return *value && !*end && !errno && *field >= 0 ? 0 : -EINVAL;
}

/* One "name=value" line of the state file; unknown names are an error. */
static int parse_line(struct attempt *a, char *line)
{
	char *value = strchr(line, '=');
	long long n;
	int err;

	if (!value)
		return -EINVAL;
	*value++ = '\0';
	if (strcmp(line, "id") == 0)
		return strlen(value) < sizeof(a->id) && *value ?
		       copy_text(a->id, value) : -EINVAL;
	if (strcmp(line, "entry") == 0)
		return copy_text(a->entry, value);
	if (strcmp(line, "kernel") == 0)
		return copy_text(a->kernel, value);
	if (strcmp(line, "time") == 0)
		return parse_number(&a->time, value);
	if (strcmp(line, "confirmed") == 0)
		return parse_number(&a->confirmed, value);
	if (strcmp(line, "watchdog") == 0) {
		err = parse_number(&n, value);
		if (err < 0 || n > 0xffffffffLL)
			return -EINVAL;
		a->watchdog = (unsigned)n;
		return 0;
	}
	return -EINVAL;
}

int attempt_read(struct attempt *a)
{
	char line[ATTEMPT_TEXT_MAX + 16];
	FILE *f = fopen(attempt_path(), "re");
	size_t len;
	int err = 0;

	memset(a, 0, sizeof(*a));
	if (!f)
		return -errno;
	while (!err && fgets(line, sizeof(line), f)) {
		len = strlen(line);
		if (!len || line[len - 1] != '\n')
			err = -EINVAL;	/* too long, or cut short */
		else {
			line[len - 1] = '\0';
			err = parse_line(a, line);
		}
	}
	if (!err && ferror(f))
		err = -EIO;
	fclose(f);
	if (!err && !a->id[0])
		err = -EINVAL;
	return err;
}

static int write_all(int fd, const char *text, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, text, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

int attempt_write(const struct attempt *a)
{
	char *dir, tmp[4200], text[3 * ATTEMPT_TEXT_MAX];
	int fd, len, err;

	if (strchr(a->entry, '\n') || strchr(a->kernel, '\n') ||
	    strchr(a->id, '\n'))
		return -EINVAL;
	len = snprintf(text, sizeof(text), "id=%s\nentry=%s\nkernel=%s\n"
		       "time=%lld\nwatchdog=%u\nconfirmed=%lld\n", a->id,
		       a->entry, a->kernel, a->time, a->watchdog,
		       a->confirmed);
	if (len < 0 || (size_t)len >= sizeof(text))
		return -EINVAL;
	dir = sysroot_path(STATE_DIR);
	err = mkdir(dir, 0700) < 0 && errno != EEXIST ? -errno : 0;
	free(dir);
	if (err)
		return err;
	snprintf(tmp, sizeof(tmp), "%s.new", attempt_path());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
		  0600);
	if (fd < 0)
		return -errno;
	err = write_all(fd, text, (size_t)len);
	if (!err && fsync(fd) < 0)
		err = -errno;
	if (close(fd) < 0 && !err)
		err = -errno;
	if (!err && rename(tmp, attempt_path()) < 0)
		err = -errno;
	if (err)
		unlink(tmp);
	return err;
}

void attempt_start(struct attempt *a, const char *entry, const char *kernel,
		   unsigned watchdog)
{
	struct timespec now;

	memset(a, 0, sizeof(*a));
	clock_gettime(CLOCK_REALTIME, &now);
	snprintf(a->id, sizeof(a->id), "%llx-%lx", (long long)now.tv_sec,
		 (long)getpid());
	snprintf(a->entry, sizeof(a->entry), "%s", entry);
	snprintf(a->kernel, sizeof(a->kernel), "%s", kernel);
	a->time = now.tv_sec;
	a->watchdog = watchdog;
}

int attempt_is_running(const struct attempt *a)
{
	char cmdline[4096], *p, *last = NULL;
	size_t id_len = strlen(a->id);

	if (sysroot_read("/proc/cmdline", cmdline, sizeof(cmdline)) < 0)
		return 0;
	for (p = cmdline; (p = strstr(p, CMDLINE_KEY)); p++)
		if (p == cmdline || p[-1] == ' ')
			last = p + strlen(CMDLINE_KEY);
	return last && strncmp(last, a->id, id_len) == 0 &&
	       (last[id_len] == '\0' || last[id_len] == ' ' ||
		last[id_len] == '\n');
}

static void show_time(FILE *out, long long when)
{
	time_t t = (time_t)when;
	struct tm tm;
	char text[64];

	if (gmtime_r(&t, &tm) &&
	    strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S UTC", &tm))
		fputs(text, out);
	else
		fprintf(out, "%lld", when);
}

void attempt_show(FILE *out, const struct attempt *a)
{
	fputs("last attempt:  ", out);
	show_time(out, a->time);
	fputs(", entry ", out);
	put_escaped(out, a->entry);
	fputs(", kernel ", out);
	put_escaped(out, a->kernel);
	fputc('\n', out);
	fputs("outcome:       ", out);
	if (a->confirmed) {
		fputs("confirmed at ", out);
		show_time(out, a->confirmed);
	} else {
		fputs("failed: the new system never confirmed it", out);
	}
	if (a->watchdog)
		fprintf(out, " (watchdog %u s)", a->watchdog);
	fputc('\n', out);
}
