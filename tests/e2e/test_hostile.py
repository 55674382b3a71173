"""Hostile and broken input: every case ends in a clear diagnostic and a
defined exit code, within bounds on time (a hang guard here; the measured
numbers are in docs/limits.md), and leaves existing files as they were."""
import os
import random
import resource
import shutil
import signal
import struct
import time
import zlib

import gwtest as gw

XIAMEN = os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")
HANG_GUARD = 120          # seconds; far above any case (see docs/limits.md)

DOC = """gongwen: 1
template: letter
issuer: 测试市卫生健康局
number: 测卫函〔2025〕1号
title: 关于测试的函
to: 张三委员
body: |
  正文第一段。
contacts:
  - 联系人: 李四
signature:
  date: 2025-06-12
note: 此件主动公开
cc: [区政协提案委员会]
"""


class Hostile(gw.Case):
    def setUp(self):
        super().setUp()
        self.keep = self.path("keep.pdf")
        with open(self.keep, "wb") as f:
            f.write(b"an existing file that must survive")

    def write(self, name, data):
        p = self.path(name)
        with open(p, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    def render(self, src, out=None, env=None, preexec=None):
        out = out or self.keep
        start = time.monotonic()
        r = gw.subprocess.run([gw.GONGWEN, "render", src, "-o", out], capture_output=True, env={**os.environ, **(env or {})},
                              timeout=HANG_GUARD, preexec_fn=preexec)
        r.elapsed = time.monotonic() - start
        r.stderr = r.stderr.decode("utf-8", "replace")
        return r

    def assert_untouched(self):
        with open(self.keep, "rb") as f:
            self.assertEqual(f.read(), b"an existing file that must survive")
        leftovers = [n for n in os.listdir(self.tmp) if ".tmp-" in n]
        self.assertEqual(leftovers, [])

    def assert_refused(self, src, code, exit_code=1, env=None):
        r = self.render(src, env=env)
        self.assertEqual(r.returncode, exit_code, r.stderr)
        self.assertIn(f" {code}", r.stderr)
        self.assert_untouched()
        return r

    # --- text ---------------------------------------------------------------

    def test_invalid_utf8_in_every_field(self):
        lines = DOC.splitlines(keepends=True)
        fields = [i for i, l in enumerate(lines) if ":" in l and not l.startswith("gongwen")]
        for i in fields:
            bad = lines[:]
            bad[i] = bad[i].rstrip("\n") + "\udcff\n"
            src = self.write("bad.yaml", "".join(bad).encode("utf-8", "surrogateescape"))
            r = self.assert_refused(src, "E0010")
            self.assertIn(f"bad.yaml:{i + 1}:", r.stderr, lines[i])

    def test_control_characters(self):
        for ch in ("\x1b", "\x00", "\x7f", "\x08"):
            src = self.write("ctl.yaml", DOC.replace("关于测试的函", "关于" + ch + "测试的函"))
            r = self.assert_refused(src, "E0011")
            self.assertIn("ctl.yaml:5:10: error E0011", r.stderr)

    def test_bidi_overrides(self):
        for ch in ("\u202e", "\u202d", "\u2066", "\u200f"):
            src = self.write("bidi.yaml", DOC.replace("正文第一段。", "正文" + ch + "第一段。"))
            r = self.assert_refused(src, "E0014")
            self.assertIn("bidi.yaml:8:5: error E0014", r.stderr)

    def test_one_megabyte_paragraph(self):
        random.seed(9704)
        han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
        para = "".join("，" if i % 30 == 0 else random.choice(han) for i in range(1, 340000)) + "。"
        src = self.write("big.yaml", DOC.replace("正文第一段。", para))
        self.assertGreater(os.path.getsize(src), 1_000_000)
        out = self.path("big.pdf")
        r = self.render(src, out)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        pages = int(gw.run(["pdfinfo", out], check=True).stdout.split("Pages:")[1].split()[0])
        self.assertGreater(pages, 500)
        print(f"1 MB paragraph: {pages} pages in {r.elapsed:.2f} s")

    def test_hundred_thousand_paragraphs(self):
        body = "".join(f"  第{i}段。\n" for i in range(100000))
        src = self.write("many.yaml", DOC.replace("  正文第一段。\n", body))
        r = self.assert_refused(src, "E0135")
        print(f"100,000 paragraphs: refused in {r.elapsed:.2f} s")

    # --- seals --------------------------------------------------------------

    def with_seal(self, seal):
        return self.write("sealed.yaml", DOC.replace("  date: 2025-06-12\n", f"  date: 2025-06-12\n  seal: {seal}\n"))

    def test_seal_is_a_folder(self):
        os.mkdir(self.path("folder.png"))
        r = self.assert_refused(self.with_seal("folder.png"), "E0120")
        self.assertIn("Is a directory", r.stderr)

    def test_seal_is_huge(self):
        with open(self.path("huge.png"), "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n")
            f.truncate(11 * 1024 * 1024)          # sparse: takes no room
        self.assert_refused(self.with_seal("huge.png"), "E0136")

    def test_seal_not_png(self):
        self.write("seal.png", b"GIF89a not a png at all")
        self.assert_refused(self.with_seal("seal.png"), "E0121")

    def test_seal_png_bomb(self):
        def chunk(t, d):
            return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
        ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 6, 0, 0, 0)
        idat = zlib.compress(b"\x00" * 1_000_000, 9)      # a start on 14 GB of pixels
        self.write("bomb.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
        r = self.assert_refused(self.with_seal("bomb.png"), "E0137")
        self.assertIn("60000 × 60000", r.stderr)

    # --- fonts --------------------------------------------------------------

    def data_dir(self, fonts_yaml):
        d = self.path("data")
        shutil.copytree(os.path.join(gw.SOURCE, "templates"), os.path.join(d, "templates"))
        os.makedirs(os.path.join(d, "fonts"))
        with open(os.path.join(d, "fonts", "fonts.yaml"), "w", encoding="utf-8") as f:
            f.write(fonts_yaml)
        return d

    def test_missing_fonts(self):
        roles = "".join(f"  {r}:\n    - {{file: /nonexistent/{r}.otf}}\n"
                        for r in ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti", "latin"))
        d = self.data_dir("roles:\n" + roles)
        r = self.assert_refused(self.write("doc.yaml", DOC), "E0812", exit_code=3, env={"GONGWEN_DATA_DIR": d})
        self.assertIn("no font is available for the role", r.stderr)

    def test_broken_font_file(self):
        self.write("broken.otf", b"OTTO" + bytes(range(256)) * 4)
        good = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc, family: Noto Serif CJK SC"
        roles = "".join(f"  {r}:\n    - {{file: {self.path('broken.otf')}}}\n    - {{file: {good}}}\n"
                        for r in ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti", "latin"))
        d = self.data_dir("roles:\n" + roles)
        out = self.path("ok.pdf")
        r = self.render(self.write("doc.yaml", DOC), out, env={"GONGWEN_DATA_DIR": d})
        self.assertEqual(r.returncode, 0, r.stderr)             # the chain goes on
        self.assertIn("warning W0802", r.stderr)
        self.assertIn("broken.otf", r.stderr)
        alone = "".join(f"  {r}:\n    - {{file: {self.path('broken.otf')}}}\n"
                        for r in ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti", "latin"))
        shutil.rmtree(d)
        d = self.data_dir("roles:\n" + alone)
        self.assert_refused(self.write("doc.yaml", DOC), "E0812", exit_code=3, env={"GONGWEN_DATA_DIR": d})

    def test_latin_role_without_fonts(self):
        """Digits and Latin fall back to the body role's fonts (no crash)."""
        good = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc, family: Noto Serif CJK SC"
        roles = "".join(f"  {r}:\n    - {{file: {good}}}\n" for r in ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti"))
        d = self.data_dir("roles:\n" + roles + "  latin:\n    - {file: /nonexistent/times.ttf}\n")
        out = self.path("ok.pdf")
        r = self.render(self.write("doc.yaml", DOC.replace("正文第一段。", "正文2025年APP。")), out,
                        env={"GONGWEN_DATA_DIR": d})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("2025年APP", gw.pdftext(out))

    def test_right_to_left_text(self):
        """Hebrew in a font that has it is set in logical order, not a crash."""
        dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        if not os.path.exists(dejavu):
            self.skipTest("no DejaVu Sans")
        good = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc, family: Noto Serif CJK SC"
        roles = "".join(f"  {r}:\n    - {{file: {good}}}\n    - {{file: {dejavu}}}\n"
                        for r in ("xiaobiaosong", "fangsong", "heiti", "kaiti", "songti", "latin"))
        d = self.data_dir("roles:\n" + roles)
        out = self.path("rtl.pdf")
        r = self.render(self.write("doc.yaml", DOC.replace("正文第一段。", "收到שלום来函，مرحبا。")), out,
                        env={"GONGWEN_DATA_DIR": d})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(gw.render_warnings(out), [])

    def test_zero_width_and_combining_characters(self):
        """Zero-width characters, variation selectors and combining marks go
        with the character before them: no font of their own is needed."""
        text = "中\u200b文，\u845b\U000e0101根，café\u0301，中\u200d文。"
        out = self.path("zw.pdf")
        r = self.render(self.write("zw.yaml", DOC.replace("正文第一段。", text)), out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("E0810", r.stderr)
        self.assertNotIn("U+0301", r.stderr)

    # --- output -------------------------------------------------------------

    def test_disk_full(self):
        def small_files():
            # 64 KB of output at most, and a failing write() instead of SIGXFSZ
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
        r = self.render(XIAMEN, preexec=small_files)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("error E0004", r.stderr)
        self.assertIn("File too large", r.stderr)
        self.assert_untouched()

    def test_output_is_a_link_to_the_input(self):
        src = self.path("doc.yaml")
        shutil.copy(XIAMEN, src)
        os.symlink(src, self.path("link.pdf"))
        r = self.render(src, self.path("link.pdf"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("E0005", r.stderr)
        with open(src, encoding="utf-8") as a, open(XIAMEN, encoding="utf-8") as b:
            self.assertEqual(a.read(), b.read())

    def test_output_folder_missing(self):
        r = self.render(XIAMEN, self.path("no/such/folder/x.pdf"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("error E0004", r.stderr)
        self.assert_untouched()


if __name__ == "__main__":
    gw.main()
