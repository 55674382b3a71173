"""cmake --install into a fresh prefix, then the installed gongwen used as an
office would: from another folder, with the source tree out of view (a
tmpfs mounted over it in a private mount namespace, when unshare can), it
runs new, check, render, fonts, --version and man; a program built with
pkg-config against the installed library renders too; the installed tree
still works after being moved."""
import glob
import os
import shutil
import subprocess
import unittest

import gwtest as gw

BUILD = os.environ.get("GW_BUILD_DIR", os.path.join(gw.SOURCE, "build"))
SOURCE = os.path.realpath(gw.SOURCE)

PROGRAM = r"""
#include <gongwen.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_engine *e = NULL;
    if (argc != 3 || gw_engine_create(NULL, d, &e) != GW_OK) return 3;
    gw_status st = gw_render_file(e, argv[1], argv[2], NULL, d);
    printf("gongwen %s: %d, %zu errors\n", gw_version(), (int)st, gw_diagnostics_errors(d));
    gw_engine_destroy(e);
    gw_diagnostics_destroy(d);
    return st == GW_OK ? 0 : 1;
}
"""


def can_hide_source():
    r = gw.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                f"mount -t tmpfs none '{SOURCE}' && test ! -e '{SOURCE}/CMakeLists.txt'"])
    return r.returncode == 0


class Installed(gw.Case):
    @classmethod
    def setUpClass(cls):
        cls.root = os.path.realpath(__import__("tempfile").mkdtemp(prefix="gongwen-install-"))
        cls.prefix = os.path.join(cls.root, "prefix")
        r = gw.run(["cmake", "--install", BUILD, "--prefix", cls.prefix])
        assert r.returncode == 0, r.stdout + r.stderr
        cls.hidden = can_hide_source()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.root, ignore_errors=True)

    def installed(self, rel):
        return os.path.join(self.prefix, rel)

    def session(self, script, prefix=None):
        """Runs a shell script in a work folder outside the source tree, with the
        installed bin/ first on PATH and no variable pointing at the source."""
        work = os.path.join(self.tmp, "office")
        os.makedirs(work, exist_ok=True)
        for f in glob.glob(os.path.join(gw.EXAMPLES, "*.yaml")):
            shutil.copy(f, work)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GW_", "GONGWEN"))}
        env.update({"PATH": os.path.join(prefix or self.prefix, "bin") + ":/usr/bin:/bin",
                    "MANPATH": os.path.join(prefix or self.prefix, "share", "man"),
                    "MANPAGER": "cat", "MANWIDTH": "80", "LANG": "C.UTF-8", "LC_ALL": ""})
        cmd = ["sh", "-ec", script]
        if self.hidden:
            cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-ec",
                   f"mount -t tmpfs none '{SOURCE}'; cd '{work}'; {script}"]
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env, cwd=work)

    def test_layout_of_the_installed_tree(self):
        for rel in ["bin/gongwen", "bin/gongwen-fetch-fonts", "share/gongwen/templates/file.yaml",
                    "share/gongwen/templates/letter.yaml", "share/gongwen/fonts/fonts.yaml",
                    "share/gongwen/fonts/fandol.sha256", "share/man/man1/gongwen.1.gz",
                    "share/bash-completion/completions/gongwen", "share/doc/gongwen/json.md",
                    "include/gongwen.h"]:
            self.assertTrue(os.path.isfile(self.installed(rel)), rel)
        libdir = os.path.dirname(glob.glob(self.installed("lib*/**/libgongwen.a"), recursive=True)[0])
        for name in ["libgongwen.a", "libgongwen.so", "libgongwen.so.0", "pkgconfig/libgongwen.pc"]:
            self.assertTrue(os.path.exists(os.path.join(libdir, name)), name)
        dyn = gw.run(["objdump", "-p", os.path.join(libdir, "libgongwen.so")], check=True).stdout
        self.assertRegex(dyn, r"SONAME\s+libgongwen\.so\.0\n")
        exported = gw.run(["nm", "-D", "--defined-only", os.path.join(libdir, "libgongwen.so")],
                          check=True).stdout
        symbols = {line.split()[-1].split("@")[0] for line in exported.splitlines() if " T " in line}
        self.assertIn("gw_render_file", symbols)
        self.assertNotIn("gw_fontset_load", symbols, "internal functions are not exported")
        for p in glob.glob(self.installed("share/gongwen/**/*.yaml"), recursive=True):
            with open(p, encoding="utf-8") as f:
                self.assertNotIn(SOURCE, f.read(), p)

    def test_new_check_render_fonts_version_man_without_the_source_tree(self):
        if not self.hidden:
            print("note: unshare cannot hide the source tree here; checking the data folder instead")
        r = self.session("""
            gongwen --version > version.txt
            gongwen new --template letter > new.yaml
            gongwen check new.yaml > check-new.txt || echo "check-new $?" >> status.txt
            sed -e 's/<<//g' -e 's/>>//g' new.yaml > filled.yaml
            gongwen check filled.yaml > check-filled.txt
            gongwen render xiamen-huli-reply.yaml 2> render.txt
            gongwen render -o out/ fuzhou-jinan-reply.yaml filled.yaml 2>> render.txt
            gongwen fonts > fonts.txt
            man gongwen > man.txt
            gongwen help render > help.txt
        """)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        work = os.path.join(self.tmp, "office")

        def read(name):
            with open(os.path.join(work, name), encoding="utf-8") as f:
                return f.read()
        version = read("version.txt")
        self.assertIn(f"data folder: {self.prefix}/share/gongwen (beside the program)", version)
        self.assertRegex(version, r"libraries: HarfBuzz \d+\.\d+\.\d+, FreeType \d+\.\d+\.\d+, libharu \S+, "
                                  r"libyaml \S+, fontconfig \d+\.\d+\.\d+")
        self.assertIn("E0125", read("check-new.txt"))
        self.assertEqual(read("status.txt"), "check-new 1\n")
        self.assertEqual(read("check-filled.txt"), "")
        for pdf in ["xiamen-huli-reply.pdf", "out/fuzhou-jinan-reply.pdf", "out/filled.pdf"]:
            path = os.path.join(work, pdf)
            self.assertGreater(os.path.getsize(path), 10000, pdf)
            self.assertEqual(gw.run(["qpdf", "--check", path]).returncode, 0, pdf)
        self.assertNotIn(" error ", read("render.txt"))
        self.assertNotIn(SOURCE, read("render.txt") + read("fonts.txt"))
        self.assertRegex(read("fonts.txt"), r"(?m)^fangsong \(original: 仿宋_GB2312\)$")
        self.assertIn(f"{self.prefix}/share/gongwen/templates/letter.yaml", read("render.txt"))
        self.assertIn("GONGWEN_DATA_DIR", read("man.txt"))
        self.assertIn("--font-path DIR", read("help.txt"))

    def test_pkg_config_program_renders(self):
        pc = glob.glob(self.installed("lib*/**/pkgconfig"), recursive=True)[0]
        env = {"PKG_CONFIG_PATH": pc}
        flags = gw.run(["pkg-config", "--cflags", "--libs", "libgongwen"], env=env, check=True).stdout.split()
        src, exe = self.path("p.c"), self.path("p")
        with open(src, "w") as f:
            f.write(PROGRAM)
        cc = gw.run(["cc", "-Wall", "-Werror", src, "-o", exe, *flags])
        self.assertEqual(cc.returncode, 0, cc.stderr)
        libdir = gw.run(["pkg-config", "--variable=libdir", "libgongwen"], env=env, check=True).stdout.strip()
        out = self.path("p.pdf")
        r = gw.run([exe, os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml"), out],
                   env={"LD_LIBRARY_PATH": libdir, "GONGWEN_DATA_DIR": self.installed("share/gongwen")})
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"^gongwen \d+\.\d+\.\d+: 0, 0 errors")
        self.assertGreater(os.path.getsize(out), 10000)

    def test_moved_tree_still_finds_its_data(self):
        moved = os.path.join(self.root, "moved")
        shutil.copytree(self.prefix, moved, symlinks=True)
        r = self.session("gongwen --version; gongwen render xiamen-huli-reply.yaml -q", prefix=moved)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f"data folder: {moved}/share/gongwen (beside the program)", r.stdout)

    def test_missing_data_folder_is_an_environment_error(self):
        r = self.session("GONGWEN_DATA_DIR=/nonexistent gongwen render xiamen-huli-reply.yaml || echo rc=$?")
        self.assertIn("rc=3", r.stdout)
        self.assertIn("error E0807: no font map: the data folder /nonexistent has no fonts/fonts.yaml; "
                      "set GONGWEN_DATA_DIR", r.stderr)


if __name__ == "__main__":
    gw.main()
