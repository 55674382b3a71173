"""Hardening (issue 10): output that is not a regular file, rules on decoded
values, floods said once and capped, JSON for any file name,
SOURCE_DATE_EPOCH in the PDF's range, and the worst cases within the limits
held to 10 s and 500 MB (bench/bench-linear.py builds them)."""
import importlib.util
import json
import os
import resource
import socket
import stat
import subprocess
import tempfile
import threading

import gwtest as gw

XIAMEN = os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")
SANITIZED = "ASAN_OPTIONS" in os.environ          # set by tests/CMakeLists.txt under GW_SANITIZE

DOC = """gongwen: 1
template: letter
issuer: 测试市卫生健康局
number: 测卫函〔2025〕1号
title: {title}
to: 张三委员
body: |
  {body}
contacts:
  - 联系人: 李四
signature:
  date: 2025-06-12
"""


def bench():
    spec = importlib.util.spec_from_file_location("bench_linear", os.path.join(gw.SOURCE, "bench", "bench-linear.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Base(gw.Case):
    def write(self, name, text, title="关于测试的函", body="正文。"):
        p = self.path(name)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text if text is not None else DOC.format(title=title, body=body))
        return p

    def render(self, src, out, env=None, **kw):
        return subprocess.run([gw.GONGWEN, "render", src, "-o", out], capture_output=True,
                              env={**os.environ, **(env or {})}, timeout=120, **kw)

    def no_leftovers(self, folder=None):
        self.assertEqual([n for n in os.listdir(folder or self.tmp) if ".tmp-" in n], [])


class Output(Base):
    def test_dev_null_stays_a_device(self):
        r = self.render(XIAMEN, "/dev/null")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))

    def test_fifo_is_written_into(self):
        fifo = self.path("out.fifo")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
        reader.start()
        r = self.render(XIAMEN, fifo)
        reader.join(60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(got and got[0].startswith(b"%PDF-"))
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))

    def test_dash_and_dev_stdout_write_standard_output(self):
        for out in ("-", "/dev/stdout"):
            r = self.render(XIAMEN, out)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertTrue(r.stdout.startswith(b"%PDF-"), out)
        link = self.path("link.pdf")
        os.symlink("/dev/stdout", link)
        r = self.render(XIAMEN, link)
        self.assertTrue(r.stdout.startswith(b"%PDF-"))
        self.assertTrue(os.path.islink(link))

    def test_folder_and_socket_refused(self):
        os.mkdir(self.path("dir.pdf"))
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(self.path("s.pdf"))
        try:
            for out, what in ((self.path("dir.pdf"), "a folder"), (self.path("s.pdf"), "a socket")):
                r = self.render(XIAMEN, out)
                self.assertEqual(r.returncode, 3)
                self.assertIn(f"error E0004: cannot write the output: it is {what}", r.stderr.decode())
            self.assertTrue(stat.S_ISSOCK(os.lstat(self.path("s.pdf")).st_mode))
        finally:
            sock.close()
        self.no_leftovers()

    def test_link_to_a_file_keeps_the_link(self):
        target = self.path("real.pdf")
        open(target, "wb").close()
        os.symlink("real.pdf", self.path("link.pdf"))
        r = self.render(XIAMEN, self.path("link.pdf"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.islink(self.path("link.pdf")))
        with open(target, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        os.symlink("nothing", self.path("dangling.pdf"))
        r = self.render(XIAMEN, self.path("dangling.pdf"))
        self.assertEqual(r.returncode, 3)
        self.assertTrue(os.path.islink(self.path("dangling.pdf")))
        self.no_leftovers()

    def test_name_at_name_max(self):
        out = self.path("甲" * 80 + "a" * 11 + ".pdf")      # 255 bytes
        self.assertEqual(len(os.path.basename(out).encode()), 255)
        r = self.render(XIAMEN, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.getsize(out) > 1000)

    def test_file_size_limit(self):
        out = self.path("big.pdf")
        limit = lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (10_000, 10_000))   # noqa: E731
        r = self.render(XIAMEN, out, preexec_fn=limit)
        self.assertEqual(r.returncode, 3, r.stderr)           # not killed by SIGXFSZ
        self.assertIn("E0004", r.stderr.decode())
        self.assertFalse(os.path.exists(out))
        self.no_leftovers()

    def batch(self, *args):
        return subprocess.run([gw.GONGWEN, "batch", *args], capture_output=True, timeout=120)

    def one_letter(self):
        folder = self.path("in")
        os.mkdir(folder)
        with open(XIAMEN, "rb") as f, open(os.path.join(folder, "x.yaml"), "wb") as g:
            g.write(f.read())
        return folder

    def test_batch_report_goes_where_a_pdf_would(self):
        # once replaced /dev/null as root: the report was renamed over it
        folder = self.one_letter()
        r = self.batch(folder, "-o", self.path("out"), "--report", "/dev/null")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))
        r = self.batch(folder, "-o", self.path("out"), "--report", "-")
        self.assertEqual(json.loads(r.stdout)["summary"]["written"], 1)
        fifo = self.path("report.fifo")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
        reader.start()
        r = self.batch(folder, "-o", self.path("out"), "--report", fifo)
        reader.join(60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(got[0])["summary"]["written"], 1)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))
        os.mkdir(self.path("report.json"))
        r = self.batch(folder, "-o", self.path("out"), "--report", self.path("report.json"))
        self.assertEqual(r.returncode, 3)
        self.assertIn("report.json: error E0004: cannot write the output: it is a folder", r.stderr.decode())

    def test_batch_outputs_by_kind(self):
        folder = self.one_letter()
        out = self.path("out")
        os.mkdir(out)
        os.symlink("/dev/null", os.path.join(out, "x.pdf"))      # written into, the link kept
        r = self.batch(folder, "-o", out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.islink(os.path.join(out, "x.pdf")))
        self.assertTrue(stat.S_ISCHR(os.stat("/dev/null").st_mode))
        os.remove(os.path.join(out, "x.pdf"))
        os.mkdir(os.path.join(out, "x.pdf"))                       # refused, said at its place
        r = self.batch(folder, "-o", out)
        self.assertEqual(r.returncode, 3)
        self.assertIn("x.pdf: error E0004: cannot write the output: it is a folder", r.stderr.decode())
        self.no_leftovers(out)
        os.rmdir(os.path.join(out, "x.pdf"))
        os.mkfifo(os.path.join(out, "x.pdf"))                      # --check reads no FIFO (it would block)
        r = self.batch(folder, "-o", out, "--check")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("1 different", r.stderr.decode())
        self.assertTrue(stat.S_ISFIFO(os.lstat(os.path.join(out, "x.pdf")).st_mode))

    def test_reader_gone(self):
        p = subprocess.Popen([gw.GONGWEN, "render", XIAMEN, "-o", "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdout.close()
        err = p.stderr.read().decode()
        self.assertEqual(p.wait(60), 3)
        self.assertIn("E0004", err)


class DecodedValues(Base):
    def check(self, src):
        return gw.run([gw.GONGWEN, "check", src])

    def test_escapes_are_checked_like_raw_characters(self):
        cases = {'"关于\\u202E测试"': "E0014", '"关于\\u2066测试"': "E0014", '"关于\\u200F测试"': "E0014",
                 '"关于\\x1B测试"': "E0011", '"关于\\u2028测试"': "E0011", '"\\x3C\\x3C标题\\x3E\\x3E"': "E0125"}
        for title, code in cases.items():
            r = self.check(self.write("e.yaml", None, title=title))
            self.assertEqual(r.returncode, 1, title)
            self.assertIn(f"e.yaml:5:", r.stdout)
            self.assertIn(f"error {code} [title]", r.stdout, title)

    def test_backslash_before_an_ordinary_character_is_printed(self):
        src = self.write("b.yaml", None, body="路径 C:\\data\\new 与 \\*星号\\*")
        out = self.path("b.pdf")
        r = self.render(src, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("C:\\data\\new与*星号*", gw.squeeze(gw.pdftext(out)))

    def test_cr_line_ends_place_problems_on_their_line(self):
        text = DOC.format(title="关于测试的函", body="正文第 2 段。")
        for sep in ("\r", "\r\n", "\u0085"):
            src = self.write("cr.yaml", text.replace("\n", sep))
            r = self.check(src)
            self.assertIn("cr.yaml:8:6: warning E0132", r.stdout, repr(sep))     # the space after 第

    def test_contact_label_twice(self):
        src = self.write("c.yaml", DOC.format(title="测试", body="正文。").replace(
            "  - 联系人: 李四\n", "  - 联系人: 李四\n    联系人: 王五\n"))
        r = self.check(src)
        self.assertIn("c.yaml:11:5: error E0119 [contacts[0].联系人]", r.stdout)

    def test_combining_run_refused(self):
        r = self.check(self.write("m.yaml", None, body="a" + "\u0301" * 40))
        self.assertIn("error E0016", r.stdout)


class Floods(Base):
    def test_fallback_said_once_per_document_with_a_count(self):
        body = "\n  ".join("咬𬌗𠀀" * 500 for _ in range(40))
        r = self.render(self.write("f.yaml", None, body=body), self.path("f.pdf"))
        err = r.stderr.decode()
        self.assertEqual(r.returncode, 0, err[-500:])
        self.assertEqual(err.count("U+2C317"), 1)
        self.assertIn("U+20000 “𠀀” is not in FandolFang (fangsong): set in HanaMinA (20000 times in all)", err)

    def test_missing_character_said_once(self):
        r = self.render(self.write("m.yaml", None, body="甲\U0010FFFD" * 3000), self.path("m.pdf"))
        err = r.stderr.decode()
        self.assertEqual(r.returncode, 1)
        self.assertEqual(err.count("E0810"), 1)
        self.assertIn("(3000 times in all)", err)

    def test_every_command_holds_the_cap(self):
        pua = "".join(chr(0xF0000 + i) for i in range(1000))        # 1,000 different characters no font has
        src = self.write("p.yaml", None, body=pua)
        for args in (["render", src, "-o", self.path("p.pdf")], ["layout", src], ["fonts", src]):
            r = gw.run([gw.GONGWEN] + args)
            lines = [l for l in (r.stdout + r.stderr).splitlines() if " E0810" in l]
            self.assertEqual(len(lines), 200, args[0])
            if args[0] != "fonts":                      # fonts lists only the E0810/W0810 lines
                self.assertIn("error E0013", r.stdout + r.stderr, args[0])
        many = "\n  ".join(f"第 {i} 项" for i in range(1000))           # 2,000 warnings E0132
        r = gw.run([gw.GONGWEN, "check", self.write("w.yaml", None, body=many)])
        self.assertEqual(len(r.stdout.splitlines()), 201)
        self.assertIn("warning E0013", r.stdout)


class Environment(Base):
    def test_json_with_a_file_name_not_utf8(self):
        folder = self.tmp.encode()
        name = os.path.join(folder, b"\xff\xfe-missing.yaml")
        r = subprocess.run([gw.GONGWEN.encode(), b"check", b"--format", b"json", name], capture_output=True)
        data = json.loads(r.stdout.decode("utf-8"))
        self.assertEqual(data["diagnostics"][0]["code"], "E0002")
        self.assertIn("\ufffd\ufffd-missing.yaml", data["diagnostics"][0]["file"])

    def test_source_date_epoch_range(self):
        out = self.path("d.pdf")
        r = self.render(XIAMEN, out, env={"SOURCE_DATE_EPOCH": "253402271999"})
        self.assertEqual(r.returncode, 0, r.stderr)
        info = gw.run(["pdfinfo", "-isodates", out], check=True).stdout
        self.assertIn("9999-12-31T23:59:59+08", info)
        for bad in ("253402272000", "9223372036854775807", "99999999999999999999", "-1"):
            r = self.render(XIAMEN, out, env={"SOURCE_DATE_EPOCH": bad})
            self.assertEqual(r.returncode, 2, bad)
            self.assertIn("SOURCE_DATE_EPOCH", r.stderr.decode())
            # gongwen batch holds the same range (one function reads it for both)
            b = gw.run([gw.GONGWEN, "batch", XIAMEN, "-o", self.path("batch")], env={"SOURCE_DATE_EPOCH": bad})
            self.assertEqual(b.returncode, 2, bad)
            self.assertFalse(os.path.exists(self.path("batch")))


class WorstCases(gw.Case):
    """Each stage's largest case within the limits: under 10 s and 500 MB
    (release build; four times the time under the sanitizers)."""

    def test_worst_cases_within_the_limits(self):
        b = bench()
        seconds = 40 if SANITIZED else 10
        for name, (command, make, largest) in b.CASES.items():
            with self.subTest(name):
                r = b.measure(gw.GONGWEN, command, make(largest), self.tmp)
                print(f"worst case {name}: {r['bytes']} bytes, {r['seconds']:.2f} s ({r['cpu']:.2f} s CPU), {r['mb']:.0f} MB, exit {r['exit']}")
                self.assertLessEqual(r["bytes"], b.MAX_BYTES)
                # rendered or refused for the document's sake: never a library failure (exit 3)
                self.assertIn(r["exit"], (0, 1), r.get("codes"))
                # processor time: what the document costs, whatever else the
                # machine is running (wall time is printed above)
                self.assertLess(r["cpu"], seconds)
                if not SANITIZED:
                    self.assertLess(r["mb"], 500)


if __name__ == "__main__":
    gw.main()
