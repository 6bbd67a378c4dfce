// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The network's entries.  The configuration is the URL given
 * (bootimg.url=), else the DHCP answer's boot file: a loader such as
 * pxelinux.0 (or none) has pxelinux.cfg/ searched beside it as PXELINUX
 * does (pxe-names.c), anything else is the configuration itself.  It is
 * fetched into a directory of its own that stands for the server's root,
 * where the files it names are fetched too: relative paths below its
 * base URL (url.c), absolute ones below the server's root, as PXELINUX
 * and GRUB take them; so libbootcfg and libbootimg read them as local
 * files.  A kernel or
 * initrd whose sha256 is given ("PATH#sha256=HEX", or a "# sha256 PATH
 * HEX" line in the configuration) and differs is refused: a problem
 * naming the URL and both digests; the other entries stay.
 */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "failure.h"
#include "net.h"

#define NETWORK "network"
#define LINK_WAIT_MS 10000

/* Where a configuration's files go: its base URL and local directory. */
struct net_tree {
	const char *base;	/* ends with "/" */
	const char *root;	/* BASE's server: "scheme://authority/" */
	const char *dir;	/* the local copy of ROOT */
	const char *config_url;	/* the source of its entries and problems */
	char *config_text;	/* for its "# sha256 PATH HEX" lines */
};

static char *join(const char *a, const char *b)
{
	char *s = malloc(strlen(a) + strlen(b) + 2);

	if (s)
		sprintf(s, "%s/%s", a, b);
	return s;
}

/* "TITLE: URL: CAUSE" as the configuration's problem: 0 or -ENOMEM. */
static int url_problem(struct menu_list *list, const struct net_tree *t,
		       const char *title, const char *url, const char *cause)
{
	char buf[2048];

	snprintf(buf, sizeof(buf), "%s%s%s: %s", title ? title : "",
		 title ? ": " : "", url, cause);
	return menu_problem(list, t->config_url, buf);
}

/* The configuration's "# sha256 PATH HEX" for URL into WANT: 1 or 0. */
static int listed_sha256(const struct net_tree *t, const char *url,
			 char want[65])
{
	char *text = t->config_text, *line, *save = NULL, *copy, *u;
	char path[1024], hex[80];
	int found = 0;

	copy = text ? strdup(text) : NULL;
	for (line = copy ? strtok_r(copy, "\n", &save) : NULL;
	     line && !found; line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, " # sha256 %1023s %79s", path, hex) != 2 ||
		    !sha256_hex_valid(hex))
			continue;
		u = url_resolve(t->base, path);
		if (u && !strcmp(u, url)) {
			memcpy(want, hex, 65);
			found = 1;
		}
		free(u);
	}
	free(copy);
	return found;
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'F')
			*s = (char)(*s + 'a' - 'A');
}

/*
 * Fetch the file libbootcfg named PATH (below T->dir) and check its
 * sha256: its local path in *LOCAL, or NULL with a problem (1).
 * 0, 1 or -ENOMEM.
 */
static int fetch_file(struct menu_list *list, const struct net_tree *t,
		      const char *title, const char *path, char **local)
{
	size_t dir_len = strlen(t->dir);
	char want[65], got[65], why[1024];
	char *rel, *url = NULL;
	int has_sha, err = 0, fetched = 0;
	struct stat st;

	*local = NULL;
	if (strncmp(path, t->dir, dir_len) || path[dir_len] != '/')
		return url_problem(list, t, title, path,
				   "not below the server's root") ?: 1;
	rel = strdup(path + dir_len + 1);
	if (!rel)
		return -ENOMEM;
	has_sha = url_take_sha256(rel, want);
	url = url_resolve(t->root, rel);
	*local = join(t->dir, rel);
	if (!url || !*local) {
		err = -ENOMEM;
		goto out;
	}
	if (has_sha < 0) {
		err = url_problem(list, t, title, url, "#sha256= takes 64 "
				  "hexadecimal digits") ?: 1;
		goto out;
	}
	if (!has_sha)
		has_sha = listed_sha256(t, url, want);
	if (stat(*local, &st)) {	/* not fetched for an entry before */
		err = fetch_url(url, *local, why, sizeof(why));
		fetched = !err;
	}
	if (err) {
		err = err == -ENOMEM ? err :
		      url_problem(list, t, title, url, why) ?: 1;
		goto out;
	}
	if (!has_sha)
		goto out;
	lower(want);
	err = sha256_file(*local, got);
	if (!err && strcmp(got, want)) {
		snprintf(why, sizeof(why), "sha256 mismatch: got %s, "
			 "expected %s; refused", got, want);
		if (fetched)	/* another entry may take it without a check */
			unlink(*local);
		err = url_problem(list, t, title, url, why) ?: 1;
	} else if (err) {
		err = url_problem(list, t, title, url, strerror(-err)) ?: 1;
	}
out:
	if (err) {
		free(*local);
		*local = NULL;
	}
	free(url);
	free(rel);
	return err;
}

/* Entry E of CFG, its files fetched, if they are whole and it boots. */
static int add_net_entry(struct menu_list *list, const struct net_tree *t,
			 const struct bootcfg *cfg,
			 const struct bootcfg_entry *e, struct bootimg *ctx)
{
	struct bootimg_info info = { .size = sizeof(info) };
	struct bootcfg_entry local = *e;
	char **initrds = calloc(e->n_initrds + 1, sizeof(*initrds));
	char *kernel = NULL, buf[512];
	int err = initrds ? 0 : -ENOMEM, code;
	size_t i;

	if (!err && e->n_modules)
		err = url_problem(list, t, e->title, e->kernel, "multiboot "
				  "modules are not fetched over the network") ?:
		      1;
	if (!err)
		err = fetch_file(list, t, e->title, e->kernel, &kernel);
	for (i = 0; !err && i < e->n_initrds; i++)
		err = fetch_file(list, t, e->title, e->initrds[i],
				 &initrds[i]);
	if (!err && (err = bootimg_probe(ctx, kernel, &info)) < 0) {
		err = url_problem(list, t, e->title, kernel,
				  describe_failure(ctx, err, buf, sizeof(buf),
						   &code)) ?:
		      1;
	}
	if (!err) {
		local.kernel = kernel;
		local.initrds = (const char *const *)initrds;
		err = menu_add_entry(list, t->config_url, t->config_url,
				     &local, bootcfg_default(cfg) == e, &info);
	}
	for (i = 0; initrds && i < e->n_initrds; i++)
		free(initrds[i]);
	free(initrds);
	free(kernel);
	return err < 0 ? err : 0;
}

/* PATH's text up to its first NUL ("" when empty), or NULL. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "re");
	char *text = NULL;
	size_t size = 0;

	if (f && getdelim(&text, &size, '\0', f) < 0) {
		free(text);
		text = ferror(f) ? NULL : strdup("");
	}
	if (f)
		fclose(f);
	return text;
}

/*
 * The configuration fetched to LOCAL: its entries, or its problem.  It
 * is read as if it were in the base's copy, its paths being relative to
 * the base (PXELINUX's working directory), not to pxelinux.cfg/.
 */
static int read_config(struct menu_list *list, struct net_tree *t,
		       const char *local, const char *format,
		       struct bootimg *ctx)
{
	struct bootcfg_options o = {
		.size = sizeof(o), .boot_dir = t->dir, .root = t->dir,
	};
	struct bootcfg_error error = { .size = sizeof(error) };
	char *name = malloc(strlen(t->dir) + strlen(t->base) + strlen(local) + 2);
	struct bootcfg *cfg = NULL;
	size_t i;
	int err;

	if (name)
		sprintf(name, "%s/%s%s", t->dir, t->base + strlen(t->root),
			strrchr(local, '/') + 1);
	t->config_text = read_text(local);
	if (!name || !t->config_text) {
		free(name);
		free(t->config_text);
		return -ENOMEM;
	}
	err = bootcfg_parse_buffer(format, t->config_text,
				   strlen(t->config_text), name, &o, &cfg,
				   &error);
	free(name);
	if (err) {
		if (err != -ENOMEM)
			err = menu_load_problem(list, t->config_url, &error);
		bootcfg_error_clear(&error);
		free(t->config_text);
		return err;
	}
	for (i = 0; !err && i < bootcfg_warning_count(cfg); i++)
		err = menu_problem(list, t->config_url,
				   bootcfg_warning(cfg, i));
	for (i = 0; !err && i < bootcfg_count(cfg); i++) {
		const struct bootcfg_entry *e = bootcfg_entry(cfg, i);

		if (e->kernel && !e->hidden)	/* Linux, in the menu */
			err = add_net_entry(list, t, cfg, e, ctx);
	}
	free(t->config_text);
	t->config_text = NULL;
	bootcfg_free(cfg);
	return err;
}

/*
 * Fetch the configuration at URL (below BASE, its sha256 maybe after
 * "#") into DIR and read it: 0, -ENOENT when the server has none (and
 * QUIET_MISSING: no problem then), -ENOMEM, or 1 after a problem.
 */
static int try_config(struct menu_list *list, const char *url_given,
		      const char *base, const char *dir, const char *format,
		      int quiet_missing, struct bootimg *ctx)
{
	char *url = strdup(url_given), *local = NULL, want[65], got[65];
	char why[1024];
	char *root = url_resolve(base, "/");
	struct net_tree t = { .base = base, .root = root, .dir = dir };
	int has_sha = url ? url_take_sha256(url, want) : 0, err = 0;

	if (!url || !root) {
		free(url);
		free(root);
		return -ENOMEM;
	}
	t.config_url = url;
	if (strncmp(url, base, strlen(base)))
		err = menu_problem(list, url, "not below its base") ?: 1;
	else if (has_sha < 0)
		err = menu_problem(list, url, "#sha256= takes 64 hexadecimal "
				   "digits") ?: 1;
	else if ((local = join(dir, url + strlen(root))) == NULL)
		err = -ENOMEM;
	else if ((err = fetch_url(url, local, why, sizeof(why))) != 0)
		err = err == -ENOMEM || (err == -ENOENT && quiet_missing) ?
		      err : menu_problem(list, url, why) ?: 1;
	else if (has_sha && (err = sha256_file(local, got)) == 0) {
		lower(want);
		if (strcmp(got, want)) {
			snprintf(why, sizeof(why), "sha256 mismatch: got %s, "
				 "expected %s; refused", got, want);
			err = menu_problem(list, url, why) ?: 1;
		}
	} else if (has_sha) {
		err = menu_problem(list, url, strerror(-err)) ?: 1;
	}
	if (!err)
		err = read_config(list, &t, local, format, ctx);
	free(local);
	free(root);
	free(url);
	return err;
}

/* The first line of PATH, without its end, in BUF ("" if none). */
static void read_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");

	*buf = '\0';
	if (f && fgets(buf, (int)size, f))
		buf[strcspn(buf, "\n")] = '\0';
	if (f)
		fclose(f);
}

/* PXELINUX's search of BASE/pxelinux.cfg/ for IFNAME with LEASE. */
static int search_pxelinux(struct menu_list *list, const char *base,
			   const char *dir, const char *ifname,
			   const struct dhcp_lease *lease,
			   struct bootimg *ctx)
{
	char names[PXE_MAX_NAMES][PXE_NAME_SIZE], uuid[64], mac[64];
	char type[16], rel[PXE_NAME_SIZE + 16], path[128], *url;
	size_t i, n;
	int err = -ENOENT;

	read_line("/sys/class/dmi/id/product_uuid", uuid, sizeof(uuid));
	lower(uuid);
	snprintf(path, sizeof(path), "/sys/class/net/%s/address", ifname);
	read_line(path, mac, sizeof(mac));
	snprintf(path, sizeof(path), "/sys/class/net/%s/type", ifname);
	read_line(path, type, sizeof(type));
	n = pxe_config_names(uuid, (unsigned)atoi(type), mac, lease->ip,
			     names);
	for (i = 0; i < n && err == -ENOENT; i++) {
		snprintf(rel, sizeof(rel), "pxelinux.cfg/%s", names[i]);
		url = url_resolve(base, rel);
		if (!url)
			return -ENOMEM;
		err = try_config(list, url, base, dir, "syslinux", 1, ctx);
		free(url);
	}
	if (err == -ENOENT) {
		url = url_resolve(base, "pxelinux.cfg/");
		err = url ? menu_problem(list, url, "no configuration, "
					 "down to \"default\"") : -ENOMEM;
		free(url);
	}
	return err;
}

/* Does the boot file URL name a loader (pxelinux.0, *.efi) or none? */
static int names_loader(const char *url)
{
	size_t n = strlen(url);

	return url[n - 1] == '/' || (n > 2 && !strcmp(url + n - 2, ".0")) ||
	       (n > 4 && !strcasecmp(url + n - 4, ".efi"));
}

/* The boot file's URL from LEASE: a new string, or NULL (errno). */
static char *boot_file_url(const struct dhcp_lease *l)
{
	const char *server = *l->tftp ? l->tftp :
			     *l->siaddr ? l->siaddr : l->serverid;
	const char *file = l->bootfile;
	char *url;

	if (strstr(file, "://"))
		return strdup(file);
	if (!*server) {
		errno = ENOENT;
		return NULL;
	}
	file += strspn(file, "/");
	url = malloc(strlen(server) + strlen(file) + 9);
	if (url)
		sprintf(url, "tftp://%s/%s", server, file);
	return url;
}

/* DHCP on the first link with carrier: 0, or 1 after a problem. */
static int dhcp(struct menu_list *list, const char *script, const char *dir,
		char *ifname, struct dhcp_lease *lease)
{
	char why[1024], *lease_path = join(dir, "dhcp.lease");
	int err = lease_path ? net_link_up("/sys/class/net", LINK_WAIT_MS,
					    ifname, IFNAMSIZ) : -ENOMEM;

	if (err == -ENODEV)
		snprintf(why, sizeof(why), "no network link");
	else if (err == -ETIMEDOUT)
		snprintf(why, sizeof(why), "no link with carrier after %d s",
			 LINK_WAIT_MS / 1000);
	else if (err && err != -ENOMEM)
		snprintf(why, sizeof(why), "/sys/class/net: %s",
			 strerror(-err));
	else if (!err)
		err = dhcp_run(ifname, script, lease_path, lease, why,
			       sizeof(why));
	free(lease_path);
	if (err && err != -ENOMEM)
		err = menu_problem(list, NETWORK, why) ?: 1;
	return err;
}

int net_collect(const struct net_params *p, const char *script,
		const char *dir, struct bootimg *ctx, struct menu_list *list)
{
	struct dhcp_lease lease = { 0 };
	char ifname[IFNAMSIZ] = "", *work = join(dir, "fetch.XXXXXX");
	char *url = NULL, *base = NULL;
	int err = work ? 0 : -ENOMEM;

	if (!err && (fetch_make_parents(work) || !mkdtemp(work)))
		err = menu_problem(list, NETWORK, strerror(errno)) ?: 1;
	if (!err && p->dhcp)
		err = dhcp(list, script, work, ifname, &lease);
	if (!err && p->url)
		url = strdup(p->url);
	else if (!err && p->dhcp && !(url = boot_file_url(&lease)) &&
		 errno != ENOMEM)
		err = menu_problem(list, NETWORK, "the DHCP answer names no "
				   "server") ?: 1;
	if (!err && url && !(base = url_config_base(url)))
		err = errno == ENOMEM ? -ENOMEM :
		      menu_problem(list, url, "not a URL") ?: 1;
	if (!err && url && base)
		err = p->url || !names_loader(url) ?
		      try_config(list, url, base, work, NULL, 0, ctx) :
		      search_pxelinux(list, base, work, ifname, &lease, ctx);
	if (!err && list->default_entry < 0 && list->n)
		list->default_entry = 0;
	free(base);
	free(url);
	free(work);
	return err < 0 && err != -ENOENT ? err : 0;
}
