// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GRUB's "[" and "test", as its test module reads them: expressions
 * joined by -a and -o (-a binds tighter), "!" and parentheses; string
 * comparisons (=, ==, !=, <, <=, >, >=), integer ones (-eq, -ne, -lt,
 * -le, -gt, -ge, and -plt, -pgt which skip the common prefix), -n,
 * -z, and file tests.  File tests look at the file on this system;
 * nothing is executed.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "grub.h"

struct texpr {
	const struct bc_parse *p;
	const struct grub_env *env;
	char *const *a;
	size_t n, pos;
};

/* -s: a directory, or a file that is not empty. */
static int not_empty(const struct bc_parse *p, const char *host, int kind)
{
	struct stat st;
	int fd, full;

	if (kind == S_IFDIR)
		return 1;
	fd = bc_fs_open(p, host, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	full = fstat(fd, &st) == 0 && st.st_size > 0;
	close(fd);
	return full;
}

/* -e exists, -f a regular file, -d a directory, -s a directory or a
 * file that is not empty (GRUB's fs layer sees a directory so). */
static int file_test(const struct texpr *t, const char *op,
		     const char *path)
{
	size_t dev = strcspn(path, ")");
	char *host = NULL;
	int kind;

	/* "(DEVICE)/..." on a device neither the configuration's nor in the
	 * device map: GRUB finds it only on a disk not seen from here */
	if (path[0] == '(' && !bc_device_named(t->p->devices, path + 1,
					       dev - 1) &&
	    (dev != sizeof(BC_GRUB_DEVICE) ||
	     strncmp(path + 1, BC_GRUB_DEVICE, dev - 1)))
		return 0;
	if (*path)
		host = grub_resolve(t->p, t->env, path);
	kind = host && t->p->files ? bc_fs_kind(t->p, host) : -ENOENT;
	switch (kind < 0 ? 0 : op[1]) {
	case 0:
		kind = 0;
		break;
	case 'f':
		kind = kind == S_IFREG;
		break;
	case 'd':
		kind = kind == S_IFDIR;
		break;
	case 's':
		kind = not_empty(t->p, host, kind);
		break;
	default:
		kind = 1;
	}
	free(host);
	return kind;
}

static int is_one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (!strcmp(s, *set))
			return 1;
	return 0;
}

static int compare(const char *x, const char *op, const char *y)
{
	int c = strcmp(x, y);
	size_t common = 0;
	long a, b;

	if (op[1] == 'p')	/* -pgt, -plt: past the common prefix */
		while (x[common] && x[common] == y[common])
			common++;
	a = strtol(x + common, NULL, 10);
	b = strtol(y + common, NULL, 10);

	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return c == 0;
	if (!strcmp(op, "!="))
		return c != 0;
	if (!strcmp(op, "<"))
		return c < 0;
	if (!strcmp(op, "<="))
		return c <= 0;
	if (!strcmp(op, ">"))
		return c > 0;
	if (!strcmp(op, ">="))
		return c >= 0;
	if (!strcmp(op, "-eq"))
		return a == b;
	if (!strcmp(op, "-ne"))
		return a != b;
	if (!strcmp(op, "-lt") || !strcmp(op, "-plt"))
		return a < b;
	if (!strcmp(op, "-le"))
		return a <= b;
	if (!strcmp(op, "-gt") || !strcmp(op, "-pgt"))
		return a > b;
	return a >= b;				/* -ge */
}

static const char *const binary_ops[] = {
	"=", "==", "!=", "<", "<=", ">", ">=", "-eq", "-ne", "-lt", "-le",
	"-gt", "-ge", "-plt", "-pgt", NULL,
};
static const char *const file_ops[] = { "-e", "-f", "-s", "-d", NULL };

static int or_expr(struct texpr *t);

static int primary(struct texpr *t)
{
	char *const *a = t->a + t->pos;
	size_t left = t->n - t->pos;
	int v;

	if (!left)
		return 0;
	if (!strcmp(a[0], "(") && left > 1) {
		t->pos++;
		v = or_expr(t);
		if (t->pos < t->n && !strcmp(t->a[t->pos], ")"))
			t->pos++;
		return v;
	}
	if (left >= 3 && is_one_of(a[1], binary_ops)) {
		t->pos += 3;
		return compare(a[0], a[1], a[2]);
	}
	if (left >= 2 && !strcmp(a[0], "-n")) {
		t->pos += 2;
		return a[1][0] != '\0';
	}
	if (left >= 2 && !strcmp(a[0], "-z")) {
		t->pos += 2;
		return a[1][0] == '\0';
	}
	if (left >= 2 && is_one_of(a[0], file_ops)) {
		t->pos += 2;
		return file_test(t, a[0], a[1]);
	}
	t->pos++;
	return a[0][0] != '\0';
}

static int not_expr(struct texpr *t)
{
	if (t->pos < t->n && !strcmp(t->a[t->pos], "!")) {
		t->pos++;
		return !not_expr(t);
	}
	return primary(t);
}

static int and_expr(struct texpr *t)
{
	int v = not_expr(t);

	while (t->pos < t->n && !strcmp(t->a[t->pos], "-a")) {
		t->pos++;
		v = not_expr(t) && v;
	}
	return v;
}

static int or_expr(struct texpr *t)
{
	int v = and_expr(t);

	while (t->pos < t->n && !strcmp(t->a[t->pos], "-o")) {
		t->pos++;
		v = and_expr(t) || v;
	}
	return v;
}

int grub_test(const struct bc_parse *p, const struct grub_env *env,
	      char *const *args, size_t n)
{
	struct texpr t = { p, env, args + 1, n - 1, 0 };

	/* args[0] is "[" or "test"; "[" wants a closing "]" */
	if (!strcmp(args[0], "[")) {
		if (n < 2 || strcmp(args[n - 1], "]"))
			return 1;
		t.n--;
	}
	return or_expr(&t) ? 0 : 1;
}
