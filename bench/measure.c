// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * bench-measure COMMAND [ARG...]: run COMMAND and print, on one line of
 * standard error, its wall-clock time in microseconds and its peak
 * resident set size in KiB: "bench-measure us=N maxrss_kb=N status=N".
 * Exits with the command's status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
	struct rusage usage;
	long long start;
	int status;
	pid_t pid;

	if (argc < 2) {
		fprintf(stderr, "usage: bench-measure COMMAND [ARG...]\n");
		return 2;
	}
	start = now_us();
	pid = fork();
	if (pid < 0) {
		perror("bench-measure: fork");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[1], argv + 1);
		perror(argv[1]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &usage) < 0) {
		perror("bench-measure: wait4");
		return 1;
	}
	status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	fprintf(stderr, "bench-measure us=%lld maxrss_kb=%ld status=%d\n",
		now_us() - start, usage.ru_maxrss, status);
	return status;
}
