"""`gongwen check` and `gongwen render` agree (tests/data/agree/README.md):
every document check passes renders, and its pages pass `check --layout`;
every document render refuses for what it holds (a character no font has,
a one-line field wider than its room, the page limit) is refused by check
too, with the same code at the same place, and render writes nothing."""
import glob
import os
import re

import gwtest as gw

AGREE = os.path.join(gw.DATA, "agree")
# font substitutions depend on the machine's fonts, not on the document
MACHINE = re.compile(r"\bW0811\b")


def documents(pattern):
    return sorted(glob.glob(os.path.join(AGREE, pattern)))


class Agree(gw.Case):
    def test_corpus_is_there(self):
        self.assertGreaterEqual(len(documents("pass-*.yaml")), 6)
        self.assertGreaterEqual(len(documents("fail-*.yaml")), 6)

    def test_what_check_passes_renders(self):
        for src in documents("pass-*.yaml"):
            r = gw.run([gw.GONGWEN, "check", "--strict", src])
            self.assertEqual((r.returncode, r.stdout), (0, ""), src)
            pdf = self.path(os.path.basename(src) + ".pdf")
            r = gw.render(src, pdf)
            self.assertEqual(r.returncode, 0, f"{src}: {r.stderr}")
            self.assertTrue(os.path.getsize(pdf) > 0)

    def test_check_layout_on_every_example_and_test_document(self):
        files = sorted(glob.glob(os.path.join(gw.EXAMPLES, "*.yaml"))) + documents("pass-*.yaml")
        self.assertGreaterEqual(len(files), 12)
        r = gw.run([gw.GONGWEN, "check", "--layout", *files])
        self.assertEqual(r.returncode, 0, r.stdout)
        problems = [l for l in r.stdout.splitlines() if l.strip() and not MACHINE.search(l)]
        self.assertEqual(problems, [])

    def test_what_render_refuses_check_reports(self):
        for src in documents("fail-*.yaml"):
            with open(src, encoding="utf-8") as f:
                m = re.match(r"# expect: (\w+) (\d+):(\d+)", f.readline())
            self.assertTrue(m, f"{src}: no '# expect:' line")
            code, where = m[1], f"{src}:{m[2]}:{m[3]}: error {m[1]}"
            r = gw.run([gw.GONGWEN, "check", src])
            self.assertEqual(r.returncode, 1, f"{src}: {r.stdout}")
            self.assertIn(where, r.stdout)
            pdf = self.path(os.path.basename(src) + ".pdf")
            r = gw.render(src, pdf)
            self.assertEqual(r.returncode, 1, src)
            self.assertIn(where, r.stderr)
            self.assertFalse(os.path.exists(pdf), f"{src}: render wrote a PDF")
            self.assertIn(code, r.stderr)

    def test_page_limit(self):
        src = self.path("long.yaml")
        with open(src, "w", encoding="utf-8") as f:
            f.write("gongwen: 1\ntemplate: letter\nissuer: 测试局\nnumber: 测函〔2025〕1号\ntitle: 测试\n"
                    "signature:\n  date: 2025-06-12\nbody: |\n" + "  一\n" * 46000)
        r = gw.run([gw.GONGWEN, "check", src])
        self.assertEqual(r.returncode, 1)
        self.assertIn("error E0135", r.stdout)
        r = gw.render(src, self.path("long.pdf"))
        self.assertEqual(r.returncode, 1)
        self.assertIn("E0135", r.stderr)
        self.assertFalse(os.path.exists(self.path("long.pdf")))


if __name__ == "__main__":
    gw.main()
