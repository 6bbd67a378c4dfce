// SPDX-License-Identifier: GPL-2.0-or-later
/* GRUB variables and the environment block file (grubenv). */
#include <stdlib.h>
#include <string.h>
#include "array.h"
#include "internal.h"

const char *grub_env_get(const struct grub_env *env, const char *name)
{
	size_t i;

	for (i = 0; i < env->n; i++)
		if (!strcmp(env->v[i].name, name))
			return env->v[i].value;
	return NULL;
}

int grub_env_set(struct grub_env *env, const char *name, const char *value)
{
	char *copy = strdup(value);
	size_t i;

	if (!copy)
		return -ENOMEM;
	for (i = 0; i < env->n; i++) {
		if (!strcmp(env->v[i].name, name)) {
			free(env->v[i].value);
			env->v[i].value = copy;
			return 0;
		}
	}
	if (array_reserve(&env->v, &env->cap, env->n + 1,
			  sizeof(*env->v)) < 0 ||
	    !(env->v[env->n].name = strdup(name))) {
		free(copy);
		return -ENOMEM;
	}
	env->v[env->n++].value = copy;
	return 0;
}

int grub_env_unset(struct grub_env *env, const char *name)
{
	size_t i;

	for (i = 0; i < env->n; i++) {
		if (!strcmp(env->v[i].name, name)) {
			free(env->v[i].name);
			free(env->v[i].value);
			env->v[i] = env->v[--env->n];
			return 0;
		}
	}
	return 0;
}

int grub_env_copy(struct grub_env *dst, const struct grub_env *src)
{
	size_t i;
	int err = 0;

	*dst = (struct grub_env){ 0 };
	for (i = 0; !err && i < src->n; i++)
		err = grub_env_set(dst, src->v[i].name, src->v[i].value);
	return err;
}

size_t grub_env_size(const struct grub_env *env)
{
	size_t i, n = 0;

	for (i = 0; i < env->n; i++)
		n += strlen(env->v[i].name) + strlen(env->v[i].value) + 2;
	return n;
}

void grub_env_free(struct grub_env *env)
{
	size_t i;

	for (i = 0; i < env->n; i++) {
		free(env->v[i].name);
		free(env->v[i].value);
	}
	free(env->v);
	*env = (struct grub_env){ 0 };
}

static int wanted(const char *name, char *const *names, size_t n)
{
	size_t i;

	if (!n)
		return 1;
	for (i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return 1;
	return 0;
}

/* One "name=value" line; a backslash quotes the next character. */
static int load_line(struct grub_env *env, char *line, char *const *names,
		     size_t n_names)
{
	char *eq = strchr(line, '=');
	char *r, *w;

	if (line[0] == '#' || !eq || eq == line)
		return 0;
	*eq = '\0';
	for (r = w = eq + 1; *r; r++) {
		if (*r == '\\' && r[1])
			r++;
		*w++ = *r;
	}
	*w = '\0';
	return wanted(line, names, n_names) ?
	       grub_env_set(env, line, eq + 1) : 0;
}

int grub_env_parse(struct grub_env *env, char *buf, size_t len,
		   char *const *names, size_t n_names)
{
	char *line, *next;
	int err = 0;

	for (line = buf; !err && line && line < buf + len; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		/* an escaped newline continues the value */
		while (next && next - line >= 2 && next[-2] == '\\') {
			next[-1] = '\n';
			next = strchr(next, '\n');
			if (next)
				*next++ = '\0';
		}
		err = load_line(env, line, names, n_names);
	}
	return err;
}

int grub_env_load(struct bc_parse *p, struct grub_env *env, const char *path,
		  char *const *names, size_t n_names)
{
	char *buf;
	size_t len;
	int err;
	struct bc_error ignored, *keep = p->error;

	p->error = &ignored;	/* a missing grubenv is no error for GRUB */
	err = bc_read_file(p, path, &buf, &len);
	p->error = keep;
	if (err)
		return err;
	err = grub_env_parse(env, buf, len, names, n_names);
	free(buf);
	return err;
}
