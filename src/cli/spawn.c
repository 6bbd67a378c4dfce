// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "spawn.h"
#include "strbuf.h"
#include "strv.h"

#define READ_CHUNK 4096	/* bytes read at a time, at least */

extern char **environ;

static int wait_for(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR)
			return SPAWN_NOT_RUN;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static int start(pid_t *pid, char *const argv[],
		 posix_spawn_file_actions_t *actions)
{
	int err = posix_spawnp(pid, argv[0], actions, NULL, argv, environ);

	posix_spawn_file_actions_destroy(actions);
	if (err) {
		errno = err;
		return SPAWN_NOT_RUN;
	}
	return 0;
}

int spawn_wait(char *const argv[], int quiet)
{
	posix_spawn_file_actions_t actions;
	pid_t pid;

	posix_spawn_file_actions_init(&actions);
	if (quiet) {
		posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO,
						 "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO,
						 STDERR_FILENO);
	}
	if (start(&pid, argv, &actions) < 0)
		return SPAWN_NOT_RUN;
	return wait_for(pid);
}

static long long now_ms(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Deadlines are CLOCK_MONOTONIC milliseconds; 0: none. */
static long long deadline_after(unsigned seconds)
{
	return seconds ? now_ms() + (long long)seconds * 1000 : 0;
}

/* Milliseconds left until DEADLINE, at least 0; -1: no deadline. */
static long long left(long long deadline)
{
	long long ms;

	if (!deadline)
		return -1;
	ms = deadline - now_ms();
	return ms > 0 ? ms : 0;
}

/* Read FD to its end; -1 if DEADLINE passed first. */
static int read_all(int fd, long long deadline, char **out, size_t *len)
{
	struct strbuf buf = { 0 };
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t got = 1;
	int ret = 0;

	while (got > 0) {
		long long ms = left(deadline);

		if (strbuf_reserve(&buf, READ_CHUNK) < 0)
			out_of_memory();
		if (ms == 0) {
			ret = -1;
			break;
		}
		if (poll(&pfd, 1, ms > INT_MAX ? INT_MAX : (int)ms) <= 0)
			continue;	/* EINTR, or time to look again */
		got = read(fd, buf.s + buf.len, buf.cap - buf.len - 1);
		if (got < 0 && errno == EINTR)
			got = 1;
		else if (got > 0)
			buf.len += (size_t)got;
	}
	buf.s[buf.len] = '\0';
	*len = buf.len;
	*out = strbuf_take(&buf);
	return ret;
}

/* wait_for, but SIGKILL at DEADLINE and give up a second later. */
static int wait_until(pid_t pid, long long deadline)
{
	int status, killed = 0;

	for (;;) {
		pid_t got = waitpid(pid, &status, WNOHANG);

		if (got < 0 && errno != EINTR)
			return SPAWN_NOT_RUN;
		if (got == pid)
			break;
		if (left(deadline) == 0) {
			if (killed)
				return SPAWN_TIMED_OUT;	/* unkillable */
			kill(pid, SIGKILL);
			killed = 1;
			deadline = deadline_after(1);
		}
		poll(NULL, 0, 10);
	}
	if (killed)
		return SPAWN_TIMED_OUT;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int spawn_wait_env(const char *path, char *const argv[], char *const envp[],
		   unsigned timeout)
{
	long long deadline = deadline_after(timeout);
	posix_spawn_file_actions_t actions;
	pid_t pid;
	int err;

	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null",
					 O_RDONLY, 0);
	err = posix_spawn(&pid, path, &actions, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&actions);
	if (err) {
		errno = err;
		return SPAWN_NOT_RUN;
	}
	return timeout ? wait_until(pid, deadline) : wait_for(pid);
}

int spawn_capture(char *const argv[], unsigned timeout, char **out,
		  size_t *len)
{
	long long deadline = deadline_after(timeout);
	posix_spawn_file_actions_t actions;
	int fds[2], saved;
	pid_t pid;

	*out = NULL;
	*len = 0;
	if (pipe2(fds, O_CLOEXEC) < 0)
		return SPAWN_NOT_RUN;
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
	if (start(&pid, argv, &actions) < 0) {
		saved = errno;
		close(fds[0]);
		close(fds[1]);
		errno = saved;
		return SPAWN_NOT_RUN;
	}
	close(fds[1]);
	if (read_all(fds[0], deadline, out, len) < 0)
		deadline = 1;	/* long past: kill it now */
	close(fds[0]);
	return timeout ? wait_until(pid, deadline) : wait_for(pid);
}
