// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Robustness of the configuration parsers: every file of the corpus
 * (tests/bootcfg/ * /tree), truncated at many lengths, with bytes flipped,
 * and garbage built from boot loader keywords, given to
 * bootcfg_parse_buffer() as every format.  Each call must give entries or
 * an error with a cause, never a crash.  The mutations are deterministic
 * (a fixed xorshift seed).  TAP, one test per corpus file.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bootcfg.h"
#include "macros.h"
#include "../unit/tap.h"

static const char *const formats[] = { NULL, "grub", "bls", "syslinux",
				       "lilo" };
#define N_FORMATS ARRAY_SIZE(formats)

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static const char *const words[] = {
	"menuentry ", "submenu ", "{", "}", "\n", ";", "if ", "then ",
	"elif ", "else ", "fi", "function f ", "set default=", "${", "$",
	"\"", "'", "\\", "#", ">", "=", " ", "linux /vmlinuz ", "initrd ",
	"blscfg", "load_env -f ", "[ -s $prefix/grubenv ]", "--id ", "x",
	"LABEL ", "KERNEL ", "APPEND ", "INITRD a,b", "INCLUDE ", "MENU ",
	"DEFAULT ", "image=", "label=", "append=\"", "other=", "title ",
	"options ", "version ", "sort-key ", "0", "1>2", "\0", "\xff",
	"source $prefix/grub.cfg\n", "configfile /grub/grub.cfg\n",
	"for x in a b; do ", "done", "$1", "$10", "$99999999999999999999",
	"\"$@\"", "$*", "$#", "regexp --set=1:v '(.*)' ", "-a ", "-o ",
	"( ", " )", "! ", "-plt ", "search --set=root --fs-uuid ",
	"search.file /vmlinuz ", "(hd0,gpt2)/vmlinuz ", "MENU BEGIN ",
	"MENU END", "MENU EXIT", "ONTIMEOUT ", "mboot.c32 ", " --- ",
	"IPAPPEND 3", "LOCALBOOT 0", "COM32 hdt.c32", "KERNEL x.0",
	"DEFAULT vesamenu.c32", "menuentry 'x'{linux /v}",
};

static int checked, failures;

static void check(const char *name, const char *fmt, const char *buf,
		  size_t len, const struct bootcfg_options *options)
{
	struct bootcfg_error error = { .size = sizeof(error) };
	struct bootcfg *cfg = NULL;
	int err = bootcfg_parse_buffer(fmt, buf, len, name, options, &cfg,
				       &error);
	size_t i, j;

	checked++;
	if (err < 0) {
		if (cfg || !error.file || !error.cause || !error.cause[0]) {
			failures++;
			printf("# %s as %s: error %d without a cause\n", name,
			       fmt ? fmt : "detected", err);
		}
		bootcfg_error_clear(&error);
		return;
	}
	for (i = 0; i < bootcfg_count(cfg); i++) {
		const struct bootcfg_entry *e = bootcfg_entry(cfg, i);

		if (!e->index || !e->id || !e->title || !e->cmdline) {
			failures++;
			printf("# %s: entry %zu has a NULL string\n", name, i);
		}
		for (j = 0; j < e->n_initrds; j++)
			if (!e->initrds[j])
				failures++;
	}
	bootcfg_find(cfg, "0");
	bootcfg_find(cfg, "1>0");
	bootcfg_default(cfg);
	bootcfg_free(cfg);
}

static void all_formats(const char *name, const char *buf, size_t len,
			const struct bootcfg_options *options)
{
	size_t f;

	for (f = 0; f < N_FORMATS; f++)
		check(name, formats[f], buf, len, f == 0 ? options : NULL);
}

static void mutate_file(const char *path, const char *root)
{
	const struct bootcfg_options tree = {
		.size = sizeof(tree), .root = root,
	};
	const struct bootcfg_options *options = &tree;
	struct stat st;
	char *buf, *copy;
	size_t len, cut, step, k;
	FILE *f = fopen(path, "rb");
	int before = failures;

	if (!f || fstat(fileno(f), &st) < 0) {
		tap_result(0, path, __FILE__, __LINE__);
		if (f)
			fclose(f);
		return;
	}
	len = (size_t)st.st_size;
	buf = malloc(len + 1);
	copy = malloc(len + 1);
	if (!buf || !copy || fread(buf, 1, len, f) != len) {
		fclose(f);
		free(buf);
		free(copy);
		tap_result(0, path, __FILE__, __LINE__);
		return;
	}
	fclose(f);
	/* The file as it is reads the files it names; its mutations do not
	 * (the fuzzers' file tables reach those): the hostile fan-outs
	 * would read thousands of files for each one. */
	all_formats(path, buf, len, options);
	options = NULL;
	step = len / 100 + 1;
	for (cut = 0; cut < len; cut += step)		/* truncated */
		all_formats(path, buf, cut, options);
	for (k = 0; len && k < 100; k++) {		/* bytes flipped */
		size_t flips = next() % 4 + 1;

		memcpy(copy, buf, len);
		while (flips--) {
			uint64_t r = next();
			const char *w = words[r % (sizeof(words) /
						   sizeof(words[0]))];

			copy[(r >> 8) % len] = (r >> 40) % 2 ? w[0] :
					       (char)(r >> 48);
		}
		all_formats(path, copy, len, options);
	}
	free(buf);
	free(copy);
	tap_result(failures == before, path, __FILE__, __LINE__);
}

static void garbage(void)
{
	char buf[4096];
	int before = failures, k;

	for (k = 0; k < 400; k++) {
		size_t len = 0, want = next() % sizeof(buf);

		while (len < want) {
			const char *w = words[next() % (sizeof(words) /
						       sizeof(words[0]))];
			size_t n = w[0] ? strlen(w) : 1;

			if (len + n > want)
				break;
			memcpy(buf + len, w, n);
			len += n;
		}
		all_formats("garbage", buf, len, NULL);
	}
	tap_result(failures == before, "garbage from keywords", __FILE__,
		   __LINE__);
}

/* TEXT repeated N times into B (at most SIZE - 1 bytes). */
static size_t repeat(char *b, size_t at, size_t size, const char *text,
		     size_t n)
{
	size_t len = strlen(text);

	while (n-- && at + len < size) {
		memcpy(b + at, text, len);
		at += len;
	}
	b[at] = '\0';
	return at;
}

/*
 * The grammar's own bombs: deep if nesting, deep function recursion, a
 * $ with thousands of digits, a long for loop, a file that sources
 * itself (in a temporary root) and syslinux MENU BEGIN nesting.
 */
static void grammar_bombs(void)
{
	static char b[1 << 16];
	char dir[] = "/tmp/test-mutate.XXXXXX", path[256];
	struct bootcfg_options options = {
		.size = sizeof(options), .root = dir,
	};
	int before = failures;
	size_t n;
	FILE *f;

	n = repeat(b, 0, sizeof(b), "if true; then ", 300);
	n = repeat(b, n, sizeof(b), "menuentry x { linux /v }\n", 1);
	repeat(b, n, sizeof(b), "fi\n", 300);
	all_formats("deep if", b, strlen(b), NULL);
	n = repeat(b, 0, sizeof(b), "function f { f $@ $@; }\nf a\n", 1);
	repeat(b, n, sizeof(b), "menuentry x { f; linux /v }\n", 1);
	all_formats("recursion", b, strlen(b), NULL);
	n = repeat(b, 0, sizeof(b), "menuentry \"$", 1);
	n = repeat(b, n, sizeof(b), "9", 20000);
	repeat(b, n, sizeof(b), "\" { linux /v$1$00000000000000000001 }\n", 1);
	all_formats("huge $NN", b, strlen(b), NULL);
	n = repeat(b, 0, sizeof(b), "for x in", 1);
	n = repeat(b, n, sizeof(b), " a", 5000);
	repeat(b, n, sizeof(b), "; do menuentry $x { linux /v }; done\n", 1);
	all_formats("long for", b, strlen(b), NULL);
	n = repeat(b, 0, sizeof(b), "MENU BEGIN m\n", 500);
	n = repeat(b, n, sizeof(b), "LABEL l\nKERNEL /v\n", 1);
	repeat(b, n, sizeof(b), "MENU END\n", 500);
	all_formats("menu nesting", b, strlen(b), NULL);
	if (!mkdtemp(dir)) {
		tap_result(0, "a temporary root", __FILE__, __LINE__);
		return;
	}
	snprintf(path, sizeof(path), "%s/boot", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/boot/loop.cfg", dir);
	f = fopen(path, "w");
	if (f) {
		fputs("menuentry \"$n\" { linux /v }\nn=x$n\n"
		      "source /loop.cfg\nconfigfile /loop.cfg\n", f);
		fclose(f);
	}
	n = repeat(b, 0, sizeof(b), "source /loop.cfg\n", 3);
	all_formats("source loop", b, strlen(b), &options);
	remove(path);
	snprintf(path, sizeof(path), "%s/boot", dir);
	rmdir(path);
	rmdir(dir);
	tap_result(failures == before, "the grammar's bombs", __FILE__,
		   __LINE__);
}

static void walk(const char *dir, const char *root)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), i;

	for (i = 0; i < n; i++) {
		char path[4096];
		struct stat st;

		if (names[i]->d_name[0] != '.') {
			snprintf(path, sizeof(path), "%s/%s", dir,
				 names[i]->d_name);
			/* not symlinks: root-escape's lead off the tree */
			if (lstat(path, &st) < 0)
				tap_result(0, path, __FILE__, __LINE__);
			else if (S_ISDIR(st.st_mode))
				walk(path, root);
			else if (S_ISREG(st.st_mode) && st.st_size > 0)
				mutate_file(path, root);
		}
		free(names[i]);
	}
	free(names);
}

int main(void)
{
	const char *src = getenv("srcdir");
	char corpus[4096];
	struct dirent **cases;
	int n, i;

	snprintf(corpus, sizeof(corpus), "%s/tests/bootcfg", src ? src : ".");
	n = scandir(corpus, &cases, NULL, alphasort);
	if (n < 0) {
		printf("Bail out! %s: cannot list the corpus\n", corpus);
		return 99;
	}
	for (i = 0; i < n; i++) {
		char tree[4096];
		struct stat st;

		snprintf(tree, sizeof(tree), "%s/%s/tree", corpus,
			 cases[i]->d_name);
		if (cases[i]->d_name[0] != '.' && stat(tree, &st) == 0)
			walk(tree, tree);
		free(cases[i]);
	}
	free(cases);
	garbage();
	grammar_bombs();
	printf("# %d parses\n", checked);
	return tap_done();
}
