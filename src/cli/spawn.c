// SPDX-License-Identifier: GPL-2.0-or-later
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "spawn.h"
#include "strv.h"

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

static void read_all(int fd, char **out, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap + 1);
	ssize_t got;

	for (;;) {
		if (n == cap) {
			char *bigger = realloc(buf, 2 * cap + 1);

			if (!bigger)
				break;
			buf = bigger;
			cap *= 2;
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
}

int spawn_capture(char *const argv[], char **out, size_t *len)
{
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
	read_all(fds[0], out, len);
	close(fds[0]);
	return wait_for(pid);
}
