// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bench-measure [--cgroup DIR] COMMAND [ARG...]: run COMMAND and print, on
 * one line of standard error, its wall-clock time in microseconds, its
 * peak resident set size in KiB and its peak private memory in KiB:
 * "bench-measure us=N maxrss_kb=N private_kb=N status=N".
 * Exits with the command's status.
 *
 * Peak private memory is memory.peak of a cgroup v2 made for the command
 * below DIR (a cgroup2 mount whose subtree gets the memory controller):
 * the most the command's anonymous and shmem (memfd) pages, page tables
 * and other charged kernel memory ever came to, exact rather than
 * sampled.  Pages of files already in the page cache (the bench guest's
 * initramfs) are charged to whoever read them first, so a mapped file
 * does not count.  Without --cgroup, or if the cgroup cannot be made,
 * private_kb is "-".
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* DIR/NAME into PATH (PATH_MAX bytes): 0, or -ENAMETOOLONG. */
static int path_in(char *path, const char *dir, const char *name)
{
	int n = snprintf(path, PATH_MAX, "%s/%s", dir, name);

	return n < 0 || n >= PATH_MAX ? -ENAMETOOLONG : 0;
}

static int write_text(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX];
	ssize_t n;
	int fd;

	if (path_in(path, dir, name) < 0)
		return -ENAMETOOLONG;
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, text, strlen(text));
	close(fd);
	return n < 0 ? -errno : 0;
}

/* A new cgroup below ROOT with the memory controller: 0, or -errno. */
static int make_cgroup(const char *root, char *dir, size_t size)
{
	char probe[PATH_MAX];
	int n = snprintf(dir, size, "%s/bench-measure-%ld", root,
			 (long)getpid());

	if (n < 0 || (size_t)n >= size)
		return -ENAMETOOLONG;
	/* already on, or refused: memory.peak below says which */
	write_text(root, "cgroup.subtree_control", "+memory");
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return -errno;
	if (path_in(probe, dir, "memory.peak") == 0 && access(probe, R_OK) == 0)
		return 0;
	rmdir(dir);
	return -ENOTSUP;
}

/* memory.peak of DIR in KiB, then the cgroup removed; -1 if unreadable. */
static long long cgroup_peak_kb(const char *dir)
{
	char path[PATH_MAX];
	long long bytes = -1;
	FILE *f;

	f = path_in(path, dir, "memory.peak") == 0 ? fopen(path, "re") : NULL;
	if (f) {
		if (fscanf(f, "%lld", &bytes) != 1)
			bytes = -1;
		fclose(f);
	}
	rmdir(dir);
	return bytes < 0 ? -1 : bytes / 1024;
}

int main(int argc, char **argv)
{
	const char *root = NULL;
	char cgroup[PATH_MAX], private_kb[32] = "-";
	struct rusage usage;
	long long start, peak = -1;
	int status, first = 1, in_cgroup = 0;
	pid_t pid;

	if (argc > 2 && strcmp(argv[1], "--cgroup") == 0) {
		root = argv[2];
		first = 3;
	}
	if (argc <= first) {
		fprintf(stderr, "usage: bench-measure [--cgroup DIR] COMMAND [ARG...]\n");
		return 2;
	}
	if (root && make_cgroup(root, cgroup, sizeof(cgroup)) == 0)
		in_cgroup = 1;
	else if (root)
		fprintf(stderr, "bench-measure: no memory cgroup below %s\n",
			root);
	start = now_us();
	pid = fork();
	if (pid < 0) {
		perror("bench-measure: fork");
		return 1;
	}
	if (pid == 0) {
		if (in_cgroup && write_text(cgroup, "cgroup.procs", "0") < 0) {
			perror("bench-measure: cgroup.procs");
			_exit(126);
		}
		execvp(argv[first], argv + first);
		perror(argv[first]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &usage) < 0) {
		perror("bench-measure: wait4");
		return 1;
	}
	status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	if (in_cgroup)
		peak = cgroup_peak_kb(cgroup);
	if (peak >= 0)
		snprintf(private_kb, sizeof(private_kb), "%lld", peak);
	fprintf(stderr, "bench-measure us=%lld maxrss_kb=%ld private_kb=%s status=%d\n",
		now_us() - start, usage.ru_maxrss, private_kb, status);
	return status;
}
