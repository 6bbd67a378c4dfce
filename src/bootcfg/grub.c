// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GRUB 2 grub.cfg: the menu it shows and the entry it boots by default.
 *
 * The script is evaluated the way GRUB would up to the menu, but only
 * what decides the menu is carried out: variables (set, load_env from
 * grubenv), conditions ([ and test), menuentry, submenu and blscfg.
 * Functions the script defines run in the same way (Ubuntu's gfxmode sets
 * vt_handoff).  Every other command is a no-op that fails: nothing is
 * executed and nothing is written.
 * Entry bodies are evaluated afterwards with the variables the script
 * left, as GRUB does when an entry is booted: linux and initrd give the
 * kernel, the initrds and the command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "array.h"
#include "grub.h"
#include "macros.h"
#include "strbuf.h"

enum gitem_kind { GI_ENTRY, GI_SUBMENU, GI_BLS };

/* One file of the script: its text, tokens and name, kept until the end
 * of the parse since entries and functions run after it was read. */
struct gscript {
	char *text, *path;
	struct gtoks t;
};

struct gitem {
	enum gitem_kind kind;
	struct gscript *s;		/* where the body is */
	char *title, *id;
	struct gfields args;		/* $1 (the title), $2...: the body's */
	size_t body, body_end;		/* tokens inside the braces */
	const struct bls_entry *bls;
};

struct gmenu {
	struct gitem *v;
	size_t n, cap;
};

/* What linux and initrd set while an entry body runs. */
struct gboot {
	char *kernel;			/* host path */
	char *cmdline;
	struct gfields initrds;		/* host paths */
	struct gfields modules;		/* multiboot: "HOST-PATH ARGS" */
	const char *boots;		/* not Linux: what, or NULL */
};

/* A function the script defines: its body runs when it is called. */
struct gfunc {
	char *name;
	struct gscript *s;
	size_t body, body_end;
};

struct grun {
	struct bc_parse *p;
	struct gfunc *funcs;
	size_t n_funcs, cap_funcs;
	struct gscript *s;		/* the file running now */
	struct gscript **scripts;	/* every file read, owned */
	size_t n_scripts, cap_scripts;
	int sourcing;			/* source and configfile nesting */
	int replaced;			/* configfile made a new menu */
	struct grub_env env;
	struct gmenu *menu;		/* where menuentry goes, or NULL */
	struct gboot *boot;		/* inside an entry body, or NULL */
	const struct gfields *params;	/* $1...: a function's or entry's */
	const char *config_dir;
	struct bls_list *bls;		/* lists read by blscfg, owned */
	size_t n_bls, cap_bls;
	int depth;
};

#define BC_MAX_SOURCES 16	/* source and configfile nesting */

static int run_list(struct grun *r, size_t *pos, int exec, int *status);
static int run_block(struct grun *r, size_t from, size_t to);
static int run_in(struct grun *r, struct gscript *s, size_t from, size_t to);
static void menu_free(struct gmenu *m);

/* ---- commands --------------------------------------------------------- */

typedef int (*gcmd_fn)(struct grun *r, struct gfields *a, unsigned line);

static int cmd_set(struct grun *r, struct gfields *a, unsigned line)
{
	size_t i;
	int err = 0;

	(void)line;
	for (i = 1; !err && i < a->n; i++) {
		char *eq = strchr(a->v[i], '=');

		if (!eq)
			continue;
		*eq = '\0';
		err = grub_env_set(&r->env, a->v[i], eq + 1);
	}
	return err;
}

static int cmd_unset(struct grun *r, struct gfields *a, unsigned line)
{
	size_t i;

	(void)line;
	for (i = 1; i < a->n; i++)
		grub_env_unset(&r->env, a->v[i]);
	return 0;
}

static int cmd_load_env(struct grun *r, struct gfields *a, unsigned line)
{
	const char *file = NULL;
	char *path, *names[64];
	size_t i, n = 0;
	int err;

	(void)line;
	for (i = 1; i < a->n; i++) {
		if ((!strcmp(a->v[i], "-f") || !strcmp(a->v[i], "--file")) &&
		    i + 1 < a->n)
			file = a->v[++i];
		else if (!strncmp(a->v[i], "--file=", 7))
			file = a->v[i] + 7;
		else if (a->v[i][0] != '-' && n < 64)
			names[n++] = a->v[i];
	}
	if (file)
		path = grub_resolve(r->p, &r->env, file);
	else
		path = bc_join(r->config_dir, "grubenv");
	if (!path)
		return -ENOMEM;
	err = grub_env_load(r->p, &r->env, path, names, n);
	free(path);
	return err == -ENOMEM ? err : err ? 1 : 0;
}

/*
 * The kernel command line as GRUB builds it (lib/cmdline.c): an argument
 * with a space in it is put in double quotes, and \, ' and " in any
 * argument get a backslash before them.
 */
static char *join_args(char **v, size_t n)
{
	struct strbuf b = { 0 };
	const char *c;
	size_t i;

	for (i = 0; i < n; i++) {
		int blank = strchr(v[i], ' ') != NULL;

		if (b.len)
			strbuf_addc(&b, ' ');
		if (blank)
			strbuf_addc(&b, '"');
		for (c = v[i]; *c; c++) {
			if (*c == '\\' || *c == '\'' || *c == '"')
				strbuf_addc(&b, '\\');
			strbuf_addc(&b, *c);
		}
		if (blank)
			strbuf_addc(&b, '"');
	}
	return strbuf_take(&b);
}

static int cmd_linux(struct grun *r, struct gfields *a, unsigned line)
{
	size_t first = 1;

	if (!r->boot)
		return 1;
	while (first < a->n && !strncmp(a->v[first], "--", 2))
		first++;	/* --no-mem-option and the like */
	if (first >= a->n)
		return bc_syntax(r->p, line, "%s without a kernel", a->v[0]);
	free(r->boot->kernel);
	free(r->boot->cmdline);
	r->boot->kernel = grub_resolve(r->p, &r->env, a->v[first]);
	r->boot->cmdline = join_args(a->v + first + 1, a->n - first - 1);
	return r->boot->kernel && r->boot->cmdline ? 0 : -ENOMEM;
}

/*
 * multiboot FILE ARGS and module FILE ARGS: a multiboot kernel and its
 * modules, for bootimg's --module.  multiboot2 is not a format bootimg
 * boots: such an entry is listed as booting no Linux kernel.
 */
static int cmd_multiboot(struct grun *r, struct gfields *a, unsigned line)
{
	int v2 = !strcmp(a->v[0], "multiboot2");
	int err;

	if (!r->boot)
		return 1;
	grub_fields_free(&r->boot->modules);
	r->boot->boots = v2 ? "a multiboot2 kernel" : NULL;
	err = cmd_linux(r, a, line);
	if (!err && v2) {
		free(r->boot->kernel);
		r->boot->kernel = NULL;
	}
	return err;
}

/* chainloader: another boot loader (os-prober's Windows entries). */
static int cmd_chainloader(struct grun *r, struct gfields *a, unsigned line)
{
	(void)a, (void)line;
	if (!r->boot)
		return 1;
	r->boot->boots = "a chain-loaded boot loader";
	return 0;
}

static int cmd_module(struct grun *r, struct gfields *a, unsigned line)
{
	char *host, *args, *module;
	size_t first = 1;

	(void)line;
	if (!r->boot)
		return 1;
	while (first < a->n && !strncmp(a->v[first], "--", 2))
		first++;	/* --nounzip */
	if (first >= a->n)
		return 1;
	host = grub_resolve(r->p, &r->env, a->v[first]);
	args = join_args(a->v + first + 1, a->n - first - 1);
	module = host && args ? malloc(strlen(host) + strlen(args) + 2) :
		 NULL;
	if (module)
		sprintf(module, *args ? "%s %s" : "%s%s", host, args);
	free(host);
	free(args);
	return bc_strv_push(&r->boot->modules.v, &r->boot->modules.n,
			    &r->boot->modules.cap, module);
}

static int cmd_initrd(struct grun *r, struct gfields *a, unsigned line)
{
	struct gfields *initrds;
	size_t i;
	int err = 0;

	(void)line;
	if (!r->boot)
		return 1;
	initrds = &r->boot->initrds;
	grub_fields_free(initrds);
	for (i = 1; !err && i < a->n; i++)
		if (strncmp(a->v[i], "--", 2))
			err = bc_strv_push(&initrds->v, &initrds->n,
					   &initrds->cap,
					   grub_resolve(r->p, &r->env, a->v[i]));
	return err;
}

static int add_item(struct grun *r, unsigned line, struct gmenu *m,
		    const struct gitem *item)
{
	if (m->n >= BC_MAX_ENTRIES)
		return bc_too_many_entries(r->p, line);
	if (array_reserve(&m->v, &m->cap, m->n + 1, sizeof(*m->v)) < 0)
		return -ENOMEM;
	m->v[m->n++] = *item;
	return 0;
}

/* As blscfg: $blsdir, else /loader/entries, else /boot/loader/entries
 * ($root's); *DIR NULL when none exists. */
static int bls_dir(struct grun *r, char **dir)
{
	const char *blsdir = grub_env_get(&r->env, "blsdir");
	const char *const tries[] = {
		blsdir && *blsdir ? blsdir : "/loader/entries",
		"/boot/loader/entries",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tries); i++) {
		*dir = grub_resolve(r->p, &r->env, tries[i]);
		if (!*dir)
			return -ENOMEM;
		if (bc_fs_kind(r->p, *dir) == S_IFDIR)
			return 0;
		free(*dir);
	}
	*dir = NULL;
	return 0;
}

/* Fedora and RHEL: the menu entries of loader/entries/ *.conf. */
static int cmd_blscfg(struct grun *r, struct gfields *a, unsigned line)
{
	struct bls_list *list;
	char *dir;
	size_t i;
	int err;

	(void)a;
	if (!r->menu)
		return 1;
	if (array_reserve(&r->bls, &r->cap_bls, r->n_bls + 1,
			  sizeof(*r->bls)) < 0)
		return -ENOMEM;
	list = &r->bls[r->n_bls++];
	*list = (struct bls_list){ 0 };
	err = bls_dir(r, &dir);
	if (!err && dir)
		err = bls_read_dir(r->p, dir, NULL, list);
	free(dir);
	for (i = 0; !err && i < list->n; i++) {
		struct gitem item = { .kind = GI_BLS, .bls = &list->v[i] };

		err = add_item(r, line, r->menu, &item);
	}
	return err;
}

/* Keep a file's text (TEXT, owned, or BUF) and tokens for the parse. */
static int add_script(struct grun *r, char *text, const char *path,
		      const char *buf, size_t len, struct gscript **out)
{
	struct gscript *s = calloc(1, sizeof(*s));
	const char *saved = r->p->path;
	int err;

	if (!s || array_reserve(&r->scripts, &r->cap_scripts,
				r->n_scripts + 1, sizeof(*r->scripts)) < 0) {
		free(s);
		free(text);
		return -ENOMEM;
	}
	r->scripts[r->n_scripts++] = s;
	s->text = text;
	s->path = strdup(path);
	if (!s->path)
		return -ENOMEM;
	r->p->path = s->path;
	err = bc_check_text(r->p, buf, len) ?: grub_lex(r->p, buf, len, &s->t);
	r->p->path = saved;
	*out = s;
	return err;
}

/*
 * source FILE runs FILE here; configfile FILE makes its menu the menu
 * (GRUB shows it at once) and ends this script.  A file that cannot be
 * read, or a nesting past BC_MAX_SOURCES (a file sourcing itself), is a
 * warning and a failed command, as GRUB goes on after a failed command.
 */
static int cmd_source(struct grun *r, struct gfields *a, unsigned line)
{
	int configfile = !strcmp(a->v[0], "configfile");
	struct gscript *s;
	char *host, *buf;
	size_t len;
	int err;

	if (a->n < 2 || (configfile && !r->menu))
		return 1;	/* not in an entry body: no new menu there */
	if (r->sourcing >= BC_MAX_SOURCES)
		return bc_warn(r->p, line, "%s %s: nested more than %d deep "
			       "(a loop?): skipped", a->v[0], a->v[1],
			       BC_MAX_SOURCES) ?: 1;
	host = grub_resolve(r->p, &r->env, a->v[1]);
	if (!host)
		return -ENOMEM;
	err = bc_read_file(r->p, host, &buf, &len);
	if (err == -ENOMEM || err == -EBADMSG ||	/* a limit reached */
	    (!err && (err = add_script(r, buf, host, buf, len, &s)) < 0)) {
		free(host);
		return err;
	}
	free(host);
	if (err)
		return bc_warn(r->p, line, "%s %s: %s: skipped", a->v[0],
			       a->v[1], r->p->error->cause) ?: 1;
	if (configfile) {
		menu_free(r->menu);
		*r->menu = (struct gmenu){ 0 };
		grub_env_unset(&r->env, "default");
	}
	r->sourcing++;
	err = run_in(r, s, 0, s->t.n - 1);
	r->sourcing--;
	r->replaced |= configfile;
	return err;
}

static int cmd_test(struct grun *r, struct gfields *a, unsigned line)
{
	(void)line;
	return grub_test(r->p, &r->env, a->v, a->n);
}

static int cmd_search(struct grun *r, struct gfields *a, unsigned line)
{
	(void)line;
	return grub_search(r->p, &r->env, a->v, a->n);
}

static int cmd_regexp(struct grun *r, struct gfields *a, unsigned line)
{
	(void)line;
	return grub_regexp(&r->env, a->v, a->n);
}

static int cmd_true(struct grun *r, struct gfields *a, unsigned line)
{
	(void)r, (void)a, (void)line;
	return 0;
}

static const struct {
	const char *name;
	gcmd_fn run;
} commands[] = {
	{ "set", cmd_set }, { "unset", cmd_unset },
	{ "load_env", cmd_load_env },
	{ "linux", cmd_linux }, { "linuxefi", cmd_linux },
	{ "linux16", cmd_linux },
	{ "initrd", cmd_initrd }, { "initrdefi", cmd_initrd },
	{ "initrd16", cmd_initrd },
	{ "multiboot", cmd_multiboot }, { "multiboot2", cmd_multiboot },
	{ "module", cmd_module }, { "module2", cmd_module },
	{ "chainloader", cmd_chainloader },
	{ "blscfg", cmd_blscfg },
	{ "source", cmd_source }, { ".", cmd_source },
	{ "configfile", cmd_source },
	{ "[", cmd_test }, { "test", cmd_test },
	{ "regexp", cmd_regexp },
	{ "search", cmd_search }, { "search.fs_uuid", cmd_search },
	{ "search.fs_label", cmd_search }, { "search.file", cmd_search },
	{ "true", cmd_true }, { "export", cmd_true },
	/* display and modules: nothing the menu depends on; they succeed */
	{ "insmod", cmd_true }, { "loadfont", cmd_true },
	{ "terminal_input", cmd_true }, { "terminal_output", cmd_true },
	{ "terminal", cmd_true }, { "echo", cmd_true },
	{ "background_image", cmd_true }, { "play", cmd_true },
};

/* "name=value" as a command: an assignment. */
static int is_assignment(const struct gtok *t)
{
	size_t i = 0;

	while (i < t->n && (t->s[i] == '_' || (t->s[i] >= 'a' && t->s[i] <= 'z')
			    || (t->s[i] >= 'A' && t->s[i] <= 'Z') ||
			    (i && t->s[i] >= '0' && t->s[i] <= '9')))
		i++;
	return i > 0 && i < t->n && t->s[i] == '=';
}

/* ---- structure -------------------------------------------------------- */

static int is_terminator(const struct gtok *t)
{
	static const char *const words[] = {
		"then", "elif", "else", "fi", "do", "done",
	};
	size_t i;

	if (t->kind == GT_END || t->kind == GT_RBRACE)
		return 1;
	for (i = 0; i < ARRAY_SIZE(words); i++)
		if (grub_is_word(t, words[i]))
			return 1;
	return 0;
}

static int expand_words(struct grun *r, size_t from, size_t to,
			struct gfields *f)
{
	size_t i;
	int err = 0;

	*f = (struct gfields){ 0 };
	for (i = from; !err && i < to; i++)
		err = grub_expand_charged(r->p, &r->s->t.v[i], &r->env,
					  r->params, f);
	return err;
}

static const struct gfunc *find_func(const struct grun *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->n_funcs; i++)
		if (!strcmp(r->funcs[i].name, name))
			return &r->funcs[i];
	return NULL;
}

/* Run tokens [FROM, TO) of script S, errors naming its file. */
static int run_in(struct grun *r, struct gscript *s, size_t from, size_t to)
{
	struct gscript *caller = r->s;
	const char *path = r->p->path;
	int err;

	r->s = s;
	r->p->path = s->path;
	err = run_block(r, from, to);
	r->s = caller;
	r->p->path = path;
	return err;
}

/* Run a function body with $1... set to the arguments. */
static int call_func(struct grun *r, const struct gfunc *f,
		     const struct gfields *a, int *status)
{
	const struct gfields *caller = r->params;
	struct gfields params = { .v = a->v + 1, .n = a->n - 1 };
	int err;

	if (r->depth >= BC_MAX_DEPTH)
		return bc_syntax(r->p, f->s->t.v[f->body].line,
				 "functions nested too deeply");
	r->params = &params;
	r->depth++;
	err = run_in(r, f->s, f->body, f->body_end);
	r->depth--;
	r->params = caller;
	*status = 0;
	return err;
}

static int define_func(struct grun *r, const struct gtok *name, size_t body,
		       size_t body_end)
{
	struct gfunc *f;

	if (array_reserve(&r->funcs, &r->cap_funcs, r->n_funcs + 1,
			  sizeof(*r->funcs)) < 0)
		return -ENOMEM;
	f = &r->funcs[r->n_funcs++];
	*f = (struct gfunc){ bc_strndup(name->s, name->n), r->s, body,
			     body_end };
	return f->name ? 0 : -ENOMEM;
}

/* A simple command: words up to a separator. */
static int run_simple(struct grun *r, size_t *pos, int exec, int *status)
{
	const struct gtok *first = &r->s->t.v[*pos];
	size_t end = *pos, i;
	struct gfields a;
	int err;

	while (r->s->t.v[end].kind == GT_WORD)
		end++;
	if (r->s->t.v[end].kind == GT_LBRACE)
		return bc_syntax(r->p, r->s->t.v[end].line, "unexpected {");
	i = *pos;
	*pos = end;
	if (!exec)
		return 0;
	err = expand_words(r, i, end, &a);
	*status = 1;
	if (!err && a.n && is_assignment(first)) {
		char *eq = strchr(a.v[0], '=');

		*eq = '\0';
		err = grub_env_set(&r->env, a.v[0], eq + 1);
		*status = 0;
	} else if (!err && a.n && find_func(r, a.v[0])) {
		err = call_func(r, find_func(r, a.v[0]), &a, status);
	} else if (!err && a.n) {
		for (i = 0; i < ARRAY_SIZE(commands); i++) {
			if (strcmp(a.v[0], commands[i].name))
				continue;
			err = commands[i].run(r, &a, first->line);
			if (err > 0) {
				*status = err;
				err = 0;
			} else if (!err) {
				*status = 0;
			}
			break;
		}
	}
	grub_fields_free(&a);
	return err;
}

/* The token after the brace matching the one at OPEN. */
static int skip_braces(struct grun *r, size_t open, size_t *after)
{
	size_t i;
	int depth = 0;

	for (i = open; r->s->t.v[i].kind != GT_END; i++) {
		if (r->s->t.v[i].kind == GT_LBRACE)
			depth++;
		else if (r->s->t.v[i].kind == GT_RBRACE && --depth == 0) {
			*after = i + 1;
			return 0;
		}
	}
	return bc_syntax(r->p, r->s->t.v[open].line, "{ without a matching }");
}

static int expect(struct grun *r, size_t *pos, const char *word,
		  const char *after, unsigned line)
{
	if (!grub_is_word(&r->s->t.v[*pos], word))
		return bc_syntax(r->p, line, "%s without %s", after, word);
	(*pos)++;
	return 0;
}

static int run_if(struct grun *r, size_t *pos, int exec, int *status)
{
	unsigned line = r->s->t.v[*pos].line;
	int done = 0, cond = 1, err;

	(*pos)++;				/* "if" or "elif" */
	for (;;) {
		err = run_list(r, pos, exec && !done, &cond);
		if (!err)
			err = expect(r, pos, "then", "if", line);
		if (!err)
			err = run_list(r, pos, exec && !done && cond == 0,
				       status);
		if (err || r->replaced)
			return err;
		done |= cond == 0;
		if (grub_is_word(&r->s->t.v[*pos], "elif")) {
			line = r->s->t.v[(*pos)++].line;
			continue;
		}
		if (grub_is_word(&r->s->t.v[*pos], "else")) {
			(*pos)++;
			err = run_list(r, pos, exec && !done, status);
			if (err)
				return err;
		}
		return expect(r, pos, "fi", "if", line);
	}
}

/* while/until ... do ... done: never needed for the menu; skipped. */
static int skip_loop(struct grun *r, size_t *pos)
{
	unsigned line = r->s->t.v[*pos].line;
	int depth = 0;

	for (; r->s->t.v[*pos].kind != GT_END; (*pos)++) {
		if (grub_is_word(&r->s->t.v[*pos], "do"))
			depth++;
		else if (grub_is_word(&r->s->t.v[*pos], "done") && --depth <= 0) {
			(*pos)++;
			return 0;
		}
	}
	return bc_syntax(r->p, line, "loop without done");
}

/* for NAME in WORDS; do LIST; done: LIST once per field of WORDS. */
static int run_for(struct grun *r, size_t *pos, int exec, int *status)
{
	const struct gtok *t = r->s->t.v;
	unsigned line = t[*pos].line;
	size_t words = *pos + 3, end = words, body, i;
	struct gfields values = { 0 };
	char *name;
	int err;

	if (t[*pos + 1].kind != GT_WORD || !grub_is_word(&t[*pos + 2], "in"))
		return bc_syntax(r->p, line, "for without a name and in");
	while (t[end].kind == GT_WORD)
		end++;
	body = end;
	while (t[body].kind == GT_SEP)
		body++;
	*pos = body;
	err = expect(r, pos, "do", "for", line);
	body = *pos;
	if (!err)
		err = run_list(r, pos, 0, status);	/* find done */
	if (!err)
		err = expect(r, pos, "done", "for", line);
	if (err || !exec)
		return err;
	name = bc_strndup(t[words - 2].s, t[words - 2].n);
	err = name ? expand_words(r, words, end, &values) : -ENOMEM;
	for (i = 0; !err && !r->replaced && i < values.n; i++) {
		size_t at = body;

		err = grub_env_set(&r->env, name, values.v[i]);
		if (!err)
			err = run_list(r, &at, 1, status);
	}
	grub_fields_free(&values);
	free(name);
	return err;
}

/* menuentry/submenu options that take a value. */
static int takes_value(const char *opt)
{
	static const char *const with_value[] = {
		"--class", "--users", "--hotkey", "--id", "--source",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(with_value); i++)
		if (!strcmp(opt, with_value[i]))
			return 1;
	return 0;
}

static int define_item(struct grun *r, size_t *pos, int exec,
		       enum gitem_kind kind)
{
	const struct gtok *start = &r->s->t.v[*pos];
	struct gitem item = { .kind = kind, .s = r->s };
	struct gfields a;
	size_t end = *pos + 1, i;
	int err;

	while (r->s->t.v[end].kind == GT_WORD)
		end++;
	if (r->s->t.v[end].kind != GT_LBRACE)
		return bc_syntax(r->p, start->line, "%.*s without a { body }",
				 (int)start->n, start->s);
	item.body = end + 1;
	err = skip_braces(r, end, pos);
	if (err)
		return err;
	item.body_end = *pos - 1;
	if (!exec || !r->menu)
		return 0;
	err = expand_words(r, (size_t)(start - r->s->t.v) + 1, end, &a);
	for (i = 0; !err && i < a.n; i++) {
		char *arg = a.v[i];

		if (!strncmp(arg, "--id=", 5) && !item.id)
			item.id = strdup(arg + 5);
		else if (!strcmp(arg, "--id") && i + 1 < a.n && !item.id)
			item.id = strdup(a.v[++i]);
		else if (takes_value(arg))
			i++;
		else if (strncmp(arg, "--", 2))
			err = bc_strv_push(&item.args.v, &item.args.n,
					   &item.args.cap, strdup(arg));
	}
	grub_fields_free(&a);
	if (!err && !item.args.n) {	/* GRUB: "missing arguments" */
		grub_fields_free(&item.args);
		free(item.id);
		return bc_warn(r->p, start->line, "%.*s without a title: "
			       "skipped", (int)start->n, start->s);
	}
	if (!err && !(item.title = strdup(item.args.v[0])))
		err = -ENOMEM;
	if (!err)
		err = add_item(r, start->line, r->menu, &item);
	if (err) {
		free(item.title);
		free(item.id);
		grub_fields_free(&item.args);
	}
	return err;
}

static int run_command(struct grun *r, size_t *pos, int exec, int *status)
{
	const struct gtok *t = &r->s->t.v[*pos];
	size_t after;
	int err;

	if (t->kind == GT_SEP) {
		(*pos)++;
		return 0;
	}
	err = bc_spend_step(r->p, t->line);	/* run or skipped */
	if (err)
		return err;
	if (t->kind == GT_LBRACE)
		return bc_syntax(r->p, t->line, "unexpected {");
	if (grub_is_word(t, "if"))
		return run_if(r, pos, exec, status);
	if (grub_is_word(t, "menuentry"))
		return define_item(r, pos, exec, GI_ENTRY);
	if (grub_is_word(t, "submenu"))
		return define_item(r, pos, exec, GI_SUBMENU);
	if (grub_is_word(t, "for"))
		return run_for(r, pos, exec, status);
	if (grub_is_word(t, "while") || grub_is_word(t, "until"))
		return skip_loop(r, pos);
	if (grub_is_word(t, "function")) {
		after = *pos + 2;
		if (r->s->t.v[*pos + 1].kind != GT_WORD ||
		    r->s->t.v[after].kind != GT_LBRACE)
			return bc_syntax(r->p, t->line, "function without a "
					 "name and a { body }");
		err = skip_braces(r, after, pos);
		if (!err && exec)
			err = define_func(r, t + 1, after + 1, *pos - 1);
		return err;
	}
	return run_simple(r, pos, exec, status);
}

static int run_list(struct grun *r, size_t *pos, int exec, int *status)
{
	int err = 0;

	if (++r->depth > BC_MAX_DEPTH)
		err = bc_syntax(r->p, r->s->t.v[*pos].line, "nested too deeply");
	while (!err && !r->replaced && !is_terminator(&r->s->t.v[*pos]))
		err = run_command(r, pos, exec, status);
	r->depth--;
	return err;
}

/* Run tokens [FROM, TO) completely; a stray terminator is an error. */
static int run_block(struct grun *r, size_t from, size_t to)
{
	size_t pos = from;
	int status = 0;
	int err = run_list(r, &pos, 1, &status);
	const struct gtok *t = &r->s->t.v[pos];

	if (err || pos == to || r->replaced)
		return err;
	if (t->kind == GT_RBRACE)
		return bc_syntax(r->p, t->line, "} without a matching {");
	return bc_syntax(r->p, t->line, "%.*s without if or loop",
			 (int)t->n, t->s);
}

/* ---- the menu --------------------------------------------------------- */

static void menu_free(struct gmenu *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free(m->v[i].title);
		free(m->v[i].id);
		grub_fields_free(&m->v[i].args);
	}
	free(m->v);
}

static int add_levels(struct bc_entry *e, const struct bc_level *levels,
		      size_t n)
{
	size_t i;
	int err = 0;

	for (i = 0; !err && i < n; i++)
		err = bc_entry_level(e, levels[i].index, levels[i].id,
				     levels[i].title);
	return err;
}

/* The variables for ITEM's body: a copy, charged to the budget. */
static int copy_env(struct grun *r, const struct gitem *item,
		    const struct grub_env *saved)
{
	int err = bc_spend_built(r->p, item->s->t.v[item->body].line,
				 grub_env_size(saved));

	if (err) {
		r->env = (struct grub_env){ 0 };
		return err;
	}
	return grub_env_copy(&r->env, saved);
}

/* Run an entry body with a copy of the variables. */
static int boot_entry(struct grun *r, const struct gitem *item,
		      struct bc_entry *e)
{
	struct gboot boot = { 0 };
	struct grub_env saved = r->env;
	struct gmenu *menu = r->menu;
	size_t i;
	int err = copy_env(r, item, &saved);

	r->boot = &boot;
	r->menu = NULL;
	r->params = &item->args;
	if (!err)
		err = run_in(r, item->s, item->body, item->body_end);
	grub_env_free(&r->env);
	r->env = saved;
	r->menu = menu;
	r->boot = NULL;
	r->params = NULL;
	e->kernel = boot.kernel;
	e->cmdline = boot.cmdline;
	if (!err && boot.boots && !(e->boots = strdup(boot.boots)))
		err = -ENOMEM;
	for (i = 0; i < boot.initrds.n; i++)
		if (!err)
			err = bc_entry_push_initrd(e, boot.initrds.v[i]);
		else
			free(boot.initrds.v[i]);
	free(boot.initrds.v);
	for (i = 0; i < boot.modules.n; i++)
		if (!err && e->kernel)
			err = bc_entry_push_module(e, boot.modules.v[i]);
		else
			free(boot.modules.v[i]);
	free(boot.modules.v);
	return err;
}

/* GRUB expands variables in BLS values too ($kernelopts, $tuned_initrd). */
static int bls_item(struct grun *r, const struct bls_entry *b,
		    struct bc_entry *e)
{
	struct gfields f = { 0 };
	size_t i;
	int err = 0;

	if (b->linux_path)
		err = grub_expand_fields(r->p, b->linux_path, &r->env, &f);
	if (!err && f.n) {
		e->kernel = grub_resolve(r->p, &r->env, f.v[0]);
		if (!e->kernel)
			err = -ENOMEM;
	}
	grub_fields_free(&f);
	for (i = 0; !err && i < b->n_initrds; i++)
		err = grub_expand_fields(r->p, b->initrds[i], &r->env, &f);
	for (i = 0; !err && i < f.n; i++)
		err = bc_entry_push_initrd(e, grub_resolve(r->p, &r->env,
							   f.v[i]));
	grub_fields_free(&f);
	if (!err)
		err = grub_expand_fields(r->p, b->options ? b->options : "",
					 &r->env, &f);
	if (!err && !(e->cmdline = join_args(f.v, f.n)))
		err = -ENOMEM;
	grub_fields_free(&f);
	return err;
}

static int build_menu(struct grun *r, struct gmenu *menu,
		      struct bc_level *levels, size_t depth);

static int submenu(struct grun *r, const struct gitem *item,
		   struct bc_level *levels, size_t depth)
{
	struct gmenu inner = { 0 };
	struct grub_env saved = r->env;
	struct gmenu *outer = r->menu;
	int err = copy_env(r, item, &saved);

	r->menu = &inner;
	r->params = &item->args;
	if (!err)
		err = run_in(r, item->s, item->body, item->body_end);
	r->params = NULL;
	r->replaced = 0;
	if (!err)
		err = build_menu(r, &inner, levels, depth + 1);
	grub_env_free(&r->env);
	r->env = saved;
	r->menu = outer;
	menu_free(&inner);
	return err;
}

static int build_menu(struct grun *r, struct gmenu *menu,
		      struct bc_level *levels, size_t depth)
{
	char index[24];
	size_t i;
	int err = 0;

	if (depth >= BC_MAX_DEPTH)
		return bc_syntax(r->p, 0, "submenus nested too deeply");
	for (i = 0; !err && i < menu->n; i++) {
		const struct gitem *item = &menu->v[i];
		struct bc_entry *e;

		snprintf(index, sizeof(index), "%zu", i);
		levels[depth] = (struct bc_level){
			.index = index,
			.id = item->bls ? item->bls->id : item->id,
			.title = item->bls ? (item->bls->title ?
				 item->bls->title : item->bls->id) : item->title,
		};
		if (item->kind == GI_SUBMENU) {
			err = submenu(r, item, levels, depth);
			continue;
		}
		e = bc_entry_add(r->p->cfg);
		if (!e)
			return -ENOMEM;
		err = add_levels(e, levels, depth + 1);
		if (!err)
			err = item->kind == GI_BLS ? bls_item(r, item->bls, e) :
			      boot_entry(r, item, e);
	}
	return err;
}

/*
 * $root, $prefix, $cmdpath and $config_directory as GRUB sets them: the
 * device the configuration was read from, and its directory there, never
 * a path on this system.  That device is called "boot" (what bc_resolve
 * takes for the boot partition).
 */
/* DIR below TOP ("" for TOP itself), or NULL. */
static const char *below(const char *dir, const char *top)
{
	size_t n = strlen(top);

	while (n && top[n - 1] == '/')
		n--;
	if (strncmp(dir, top, n) || (dir[n] && dir[n] != '/'))
		return NULL;
	return dir + n;
}

static int set_location(struct grun *r)
{
	const char *dir = below(r->config_dir, r->p->boot_dir);
	char *prefix;
	int err;

	if (!dir)
		dir = below(r->config_dir, *r->p->root ? r->p->root : "/");
	if (!dir)
		dir = "";	/* elsewhere: the top of the partition */
	prefix = malloc(strlen(dir) + sizeof("(" BC_GRUB_DEVICE ")/"));
	if (!prefix)
		return -ENOMEM;
	sprintf(prefix, "(" BC_GRUB_DEVICE ")%s", *dir ? dir : "/");
	err = grub_env_set(&r->env, "root", BC_GRUB_DEVICE);
	if (!err)
		err = grub_env_set(&r->env, "prefix", prefix);
	if (!err)
		err = grub_env_set(&r->env, "cmdpath", prefix);
	if (!err)
		err = grub_env_set(&r->env, "config_directory", prefix);
	free(prefix);
	return err;
}

static int preset(struct grun *r)
{
	static const char *const vars[][2] = {
		{ "feature_menuentry_id", "y" },
		{ "feature_platform_search_hint", "y" },
		{ "feature_default_font_path", "y" },
		{ "feature_all_video_module", "y" },
		{ "feature_timeout_style", "y" },
		{ "feature_200_final", "y" },
		{ "feature_nativedisk_cmd", "y" },
		{ "grub_platform", "pc" },
		{ "grub_cpu", "i386" },
	};
	size_t i;
	int err = 0;

	for (i = 0; !err && i < ARRAY_SIZE(vars); i++)
		err = grub_env_set(&r->env, vars[i][0], vars[i][1]);
	if (!err)
		err = set_location(r);
	return err;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	return bc_strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

static int grub_parse(struct bc_parse *p, const char *buf, size_t len)
{
	struct grun r = { .p = p };
	struct bc_level levels[BC_MAX_DEPTH];
	struct gmenu top = { 0 };
	struct gscript *main;
	char *dir = dir_of(p->path);
	const char *def;
	size_t i;
	int err;

	if (!dir)
		return -ENOMEM;
	r.config_dir = dir;
	err = add_script(&r, NULL, p->path, buf, len, &main);
	if (!err)
		err = preset(&r);
	r.menu = &top;
	if (!err)
		err = run_in(&r, main, 0, main->t.n - 1);
	r.replaced = 0;
	def = grub_env_get(&r.env, "default");
	if (!err)
		err = build_menu(&r, &top, levels, 0);
	if (!err && p->cfg->n_entries) {
		p->cfg->default_entry = bc_select(p->cfg, def && *def ? def :
						  "0");
		if (p->cfg->default_entry < 0)	/* as GRUB: the first */
			p->cfg->default_entry = 0;
	}
	menu_free(&top);
	for (i = 0; i < r.n_funcs; i++)
		free(r.funcs[i].name);
	free(r.funcs);
	for (i = 0; i < r.n_bls; i++)
		bls_list_free(&r.bls[i]);
	free(r.bls);
	for (i = 0; i < r.n_scripts; i++) {
		free(r.scripts[i]->t.v);
		free(r.scripts[i]->text);
		free(r.scripts[i]->path);
		free(r.scripts[i]);
	}
	free(r.scripts);
	grub_env_free(&r.env);
	free(dir);
	return err;
}

static int grub_detect(const char *path, const char *buf, size_t len)
{
	size_t n = strlen(path);

	(void)len;
	if (n >= 8 && !strcmp(path + n - 8, "grub.cfg"))
		return 5;
	if (strstr(buf, "menuentry ") || strstr(buf, "blscfg") ||
	    strstr(buf, "set default="))
		return 3;
	return 0;
}

const struct bc_format bc_format_grub = {
	.name = "grub",
	.detect = grub_detect,
	.parse = grub_parse,
};
