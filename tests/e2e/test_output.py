"""Rare characters, diagnostics, exit codes, and what is (not) written."""
import os
import re
import shutil
import stat

import gwtest as gw

XIAMEN = os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")
BROKEN = """gongwen: 1
issuer: 测试局
body: |
  正文。
signature:
  date: 2025-02-30
"""


class SupplementaryPlane(gw.Case):
    def test_render_and_extract(self):
        pdf = self.path("s.pdf")
        r = gw.render(os.path.join(gw.DATA, "supplementary.yaml"), pdf)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = gw.pdftext(pdf)
        for ch in ("𬌗", "𠀀", "张𬌗委员"):
            self.assertIn(ch, text)
        names = [row["name"] for row in gw.pdffonts(pdf)]
        self.assertTrue(any("HanaMin" in n for n in names), names)    # 𠀀
        self.assertTrue(any("NotoSerifCJK" in n for n in names), names)  # 𬌗
        self.assertEqual(gw.render_warnings(pdf), [])


class Fonts(gw.Case):
    def test_roles_with_status_and_coverage(self):
        r = gw.run([gw.GONGWEN, "fonts"])
        self.assertEqual(r.returncode, 0, r.stderr)
        for role in ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti", "latin"):
            self.assertRegex(r.stdout, rf"(?m)^{role} \(original: ")
        # the open default serves the body, as a substitute, with full GB 2312 coverage
        self.assertRegex(r.stdout, r"(?m)^fangsong \(original: 仿宋_GB2312\)\n  substitute  FandolFang Regular .*FandolFang-Regular\.otf\n +GB2312 6763/6763  通用规范汉字表 \d+/8105")
        self.assertRegex(r.stdout, r"together +GB2312 6763/6763  通用规范汉字表 8105/8105")

    def test_reports_the_font_serving_a_rare_character(self):
        r = gw.run([gw.GONGWEN, "fonts", os.path.join(gw.DATA, "supplementary.yaml")])
        self.assertEqual(r.returncode, 0, r.stderr)
        # said once per document, where it first appears, with the count
        self.assertIn("warning W0810 [to]: U+2C317 “𬌗” is not in FandolFang (fangsong): set in Noto Serif CJK SC"
                      " (2 times in all)", r.stdout)
        self.assertEqual(r.stdout.count("U+2C317"), 1)
        self.assertRegex(r.stdout, r"U\+20000 “𠀀” is not in FandolFang \(fangsong\): set in HanaMin")

    def test_character_no_font_has(self):
        src = self.path("pua.yaml")
        with open(src, "w", encoding="utf-8") as f:
            f.write("issuer: 测试局\nnumber: 测试〔2025〕1号\ntitle: 测试\nbody: |\n  甲\U0010FFFD乙\nsignature:\n  date: 2025-06-12\n")
        out = self.path("pua.pdf")
        r = gw.render(src, out)
        self.assertEqual(r.returncode, 1)
        # the character itself: line 5, after two spaces and 甲
        self.assertIn(f"{src}:5:4: error E0810 [body[0]]: no font has the character U+10FFFD", r.stderr)
        self.assertFalse(os.path.exists(out))
        self.assertEqual(gw.run([gw.GONGWEN, "fonts", src]).returncode, 1)
        # printed otherwise than written (** removed): the paragraph's start
        with open(src, "w", encoding="utf-8") as f:
            f.write("issuer: 测试局\nnumber: 测试〔2025〕1号\ntitle: 测试\nbody:\n  - heading: 一、**甲**\U0010FFFD\n"
                    "signature:\n  date: 2025-06-12\n")
        r = gw.render(src, out)
        self.assertIn(f"{src}:5:14: error E0810 [body[0]]: no font has the character U+10FFFD", r.stderr)

    def test_substitutes_are_reported_when_rendering(self):
        r = gw.render(XIAMEN, self.path("x.pdf"))
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stderr, r"warning W0811 \[fangsong\]: 仿宋_GB2312 is not installed: the fangsong role is set in FandolFang Regular \(a substitute\)")


    def test_font_warnings_in_chinese(self):
        env = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
        r = gw.render(os.path.join(gw.DATA, "supplementary.yaml"), self.path("s.pdf"), env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("warning W0810 [to]: 字符 U+2C317“𬌗”不在FandolFang字体（仿宋角色）中："
                      "改用 Noto Serif CJK SC 排印（共 2 处）", r.stderr)
        self.assertIn("warning W0811 [fangsong]: 字体 仿宋_GB2312 未安装：仿宋角色改用 FandolFang Regular（替代字体）",
                      r.stderr)
        self.assertNotIn("is not in FandolFang", r.stderr)
        self.assertNotIn("is not installed", r.stderr)


class Diagnostics(gw.Case):
    def write(self, name, text):
        p = self.path(name)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        return p

    def test_errors_have_place_and_nothing_is_written(self):
        src = self.write("bad.yaml", BROKEN)
        out = self.path("bad.pdf")
        r = gw.render(src, out)
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{src}:6:9: error E0110 [signature.date]: not a calendar date: 2025-02-30", r.stderr)
        self.assertRegex(r.stderr, r"error E0101 \[title\]")
        self.assertFalse(os.path.exists(out))
        self.assertEqual(os.listdir(self.tmp), ["bad.yaml"])     # no temporary left behind

    def test_yaml_syntax_error_located(self):
        src = self.write("syntax.yaml", "title: [unclosed\nbody: x\n")
        r = gw.render(src, self.path("o.pdf"))
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, rf"{src}:\d+:\d+: error E0001")

    def test_failed_render_keeps_existing_output(self):
        src = self.write("bad.yaml", BROKEN)
        out = self.path("keep.pdf")
        with open(out, "wb") as f:
            f.write(b"precious")
        self.assertEqual(gw.render(src, out).returncode, 1)
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b"precious")

    def test_output_over_input_is_refused(self):
        src = self.path("doc.yaml")
        shutil.copy(XIAMEN, src)
        before = open(src, "rb").read()
        r = gw.render(src, src)
        self.assertEqual(r.returncode, 3)
        self.assertIn("would overwrite the input", r.stderr)
        self.assertEqual(open(src, "rb").read(), before)

    def test_unwritable_folder(self):
        if os.geteuid() == 0:
            # root writes anywhere: use a path below a regular file instead
            out = os.path.join(XIAMEN, "x.pdf")
        else:
            d = self.path("ro")
            os.mkdir(d)
            os.chmod(d, stat.S_IRUSR | stat.S_IXUSR)
            out = os.path.join(d, "x.pdf")
        r = gw.render(XIAMEN, out)
        self.assertEqual(r.returncode, 3)
        self.assertIn("error E0004", r.stderr)
        self.assertIn("cannot write", r.stderr)

    def test_usage(self):
        self.assertEqual(gw.run([gw.GONGWEN]).returncode, 2)
        self.assertEqual(gw.run([gw.GONGWEN, "frobnicate"]).returncode, 2)
        self.assertEqual(gw.run([gw.GONGWEN, "render"]).returncode, 2)
        self.assertEqual(gw.run([gw.GONGWEN, "render", "--bogus", XIAMEN]).returncode, 2)
        r = gw.run([gw.GONGWEN, "--version"])
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r"^gongwen \d+\.\d+")

    def test_default_output_name_beside_input(self):
        src = self.path("letter.yaml")
        shutil.copy(XIAMEN, src)
        r = gw.run([gw.GONGWEN, "render", src])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.getsize(self.path("letter.pdf")) > 1000)


if __name__ == "__main__":
    gw.main()
