"""gongwen batch: folders, manifests and the mirrored output tree; the same
bytes whatever -j is and as `gongwen render`; broken documents reported
with their places and skipped; warnings said once with a count; the JSON
report against its schema (docs/batch-report.schema.json); --check;
--fail-fast; an existing PDF kept when its document breaks; SIGINT and
SIGTERM leave no partial or temporary file."""
import json
import os
import re
import shutil
import signal
import subprocess
import time

import gwtest as gw

XIAMEN = os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")
FUZHOU = os.path.join(gw.EXAMPLES, "fuzhou-jinan-reply.yaml")
SCHEMA = os.path.join(gw.SOURCE, "docs", "batch-report.schema.json")


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)


def variant(text, n):
    """The document with another number: a different PDF."""
    return re.sub(r"(〔20\d\d〕)\d+号", lambda m: f"{m.group(1)}{n}号", text, count=1)


def files_under(root):
    out = set()
    for d, _, names in os.walk(root):
        out.update(os.path.relpath(os.path.join(d, n), root) for n in names)
    return out


class Batch(gw.Case):
    def batch(self, *args, stdin=None, env=None):
        return subprocess.run([gw.GONGWEN, "batch", *args], capture_output=True, text=True,
                              encoding="utf-8", input=stdin, env={**os.environ, **(env or {})}, timeout=600)

    def make_tree(self, count):
        """count documents in nested folders, half of each example."""
        root = self.path("in")
        texts = [read(XIAMEN), read(FUZHOU)]
        for i in range(count):
            write(os.path.join(root, f"y{i % 3}", f"d{i % 2}", f"doc{i:03}.yaml"), variant(texts[i % 2], 100 + i))
        return root

    def validate(self, report_path):
        import jsonschema
        report = json.loads(read(report_path))
        jsonschema.validate(report, json.loads(read(SCHEMA)), cls=jsonschema.Draft202012Validator)
        return report

    def test_tree_mirrored_and_same_bytes_as_render(self):
        root = self.make_tree(6)
        out = self.path("out")
        r = self.batch(root, "-o", out, "-j", "2")
        self.assertEqual(r.returncode, 0, r.stderr)
        inputs = {os.path.splitext(p)[0] for p in files_under(root)}
        self.assertEqual({os.path.splitext(p)[0] for p in files_under(out)}, inputs)
        self.assertTrue(all(p.endswith(".pdf") for p in files_under(out)))
        one = os.path.join("y1", "d1", "doc001")
        single = self.path("single.pdf")
        self.assertEqual(gw.render(os.path.join(root, one + ".yaml"), single).returncode, 0)
        self.assertEqual(read(single, "rb"), read(os.path.join(out, one + ".pdf"), "rb"))

    def test_same_bytes_for_any_j(self):
        root = self.make_tree(12)
        for j in ("1", "2", "5"):
            r = self.batch(root, "-o", self.path("out" + j), "-j", j)
            self.assertEqual(r.returncode, 0, r.stderr)
        names = files_under(self.path("out1"))
        self.assertEqual(len(names), 12)
        for j in ("2", "5"):
            self.assertEqual(files_under(self.path("out" + j)), names)
            for n in names:
                self.assertEqual(read(os.path.join(self.path("out1"), n), "rb"),
                                 read(os.path.join(self.path("out" + j), n), "rb"), f"-j{j}: {n} differs")

    def test_manifest_from_stdin(self):
        root = self.make_tree(3)
        docs = sorted(os.path.join(root, p) for p in files_under(root))
        r = self.batch("-", "-o", self.path("out"), stdin="\n".join(docs) + "\n\n")
        self.assertEqual(r.returncode, 0, r.stderr)
        # absolute paths keep only their names
        self.assertEqual(files_under(self.path("out")),
                         {os.path.basename(p)[:-5] + ".pdf" for p in docs})

    def test_broken_documents_reported_and_skipped(self):
        root = self.make_tree(10)
        bad1 = os.path.join(root, "y0", "d0", "doc000.yaml")
        bad2 = os.path.join(root, "y1", "d1", "doc007.yaml")
        write(bad1, read(bad1).replace("template: letter", "template: letter\nnumber2: [", 1))
        write(bad2, re.sub(r"date: \d{4}-\d\d-\d\d", "date: 2025-13-45", read(bad2), count=1))
        report = self.path("report.json")
        r = self.batch(root, "-o", self.path("out"), "--report", report)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(len(files_under(self.path("out"))), 8)
        for bad in (bad1, bad2):
            self.assertRegex(r.stderr, re.escape(bad) + r":\d+:\d+: error E\d{4}")
        self.assertEqual(len(re.findall(r"^gongwen batch: 10 documents", r.stderr, re.M)), 1, r.stderr)
        self.assertIn("8 written, 2 with errors", r.stderr)
        rep = self.validate(report)
        self.assertEqual(rep["summary"]["written"], 8)
        self.assertEqual(rep["summary"]["error"], 2)
        errors = [d for d in rep["documents"] if d["status"] == "error"]
        self.assertEqual(sorted(d["input"] for d in errors), sorted([bad1, bad2]))
        for d in errors:
            self.assertTrue(any(x["severity"] == "error" and x["line"] for x in d["diagnostics"]))
            self.assertIsNone(d["sha256"])
        for d in rep["documents"]:
            if d["status"] == "written":
                data = read(d["output"], "rb")
                self.assertEqual(len(data), d["bytes"])
                import hashlib
                self.assertEqual(hashlib.sha256(data).hexdigest(), d["sha256"])
                self.assertGreaterEqual(d["pages"], 2)

    def test_repeated_warnings_said_once(self):
        root = self.make_tree(8)
        r = self.batch(root, "-o", self.path("out"))
        self.assertEqual(r.returncode, 0, r.stderr)
        w0811 = [l for l in r.stderr.splitlines() if ": warning W0811 " in l]
        self.assertTrue(w0811, r.stderr)
        self.assertEqual(len(w0811), len(set(w0811)))
        self.assertTrue(all(l.endswith("(in 4 documents)") for l in w0811), w0811)
        self.assertRegex(r.stderr, r"warnings by code: W0811 \d+")
        self.assertLess(len(r.stderr.splitlines()), 20)

    def test_what_a_folder_holds_besides_documents(self):
        root = self.make_tree(2)
        os.mkfifo(os.path.join(root, "pipe.yaml"))                       # said, not read (no hang)
        os.symlink("nothing.yaml", os.path.join(root, "dangling.yaml"))  # said: cannot open
        write(os.path.join(root, ".hidden", "h.yaml"), read(XIAMEN))      # hidden: left out
        write(os.path.join(root, "notes.txt"), "not a document")         # not *.yaml: left out
        os.symlink(root, os.path.join(root, "y0", "loop"))               # a link to a folder: not followed
        r = self.batch(root, "-o", self.path("out"), "--report", self.path("r.json"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(os.path.join(root, "pipe.yaml") + ": error E0002: not a regular file", r.stderr)
        self.assertIn(os.path.join(root, "dangling.yaml") + ": error E0002: cannot open", r.stderr)
        rep = self.validate(self.path("r.json"))
        self.assertEqual(sorted(os.path.relpath(d["input"], root) for d in rep["documents"]),
                         ["dangling.yaml", "pipe.yaml", "y0/d0/doc000.yaml", "y1/d1/doc001.yaml"])
        self.assertEqual((rep["summary"]["written"], rep["summary"]["error"]), (2, 2))

    def test_quiet_prints_errors_only(self):
        root = self.make_tree(4)
        write(os.path.join(root, "broken.yaml"), read(XIAMEN).replace("date: ", "date: 2024-13-45 #", 1))
        r = self.batch(root, "-o", self.path("out"), "-q", "--jobs=2")
        self.assertEqual(r.returncode, 1, r.stderr)
        lines = r.stderr.splitlines()
        self.assertEqual([l for l in lines if ": warning " in l], [])
        self.assertTrue([l for l in lines if l.startswith(os.path.join(root, "broken.yaml") + ":") and ": error " in l],
                        r.stderr)
        self.assertRegex(r.stderr, r"4 written, 1 with errors")
        self.assertRegex(r.stderr, r"warnings by code: W0811 \d+")     # still counted

    def test_existing_pdf_kept_when_its_document_breaks(self):
        root = self.make_tree(2)
        out = self.path("out")
        self.assertEqual(self.batch(root, "-o", out).returncode, 0)
        doc = os.path.join(root, "y1", "d1", "doc001.yaml")
        pdf = os.path.join(out, "y1", "d1", "doc001.pdf")
        good = read(pdf, "rb")
        write(doc, read(doc).replace("issuer:", "issuer: [", 1))
        r = self.batch(root, "-o", out)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertEqual(read(pdf, "rb"), good)

    def test_check(self):
        root = self.make_tree(4)
        out = self.path("out")
        self.assertEqual(self.batch(root, "-o", out).returncode, 0)
        before = {p: os.stat(os.path.join(out, p)).st_mtime_ns for p in files_under(out)}
        r = self.batch(root, "-o", out, "--check")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("4 the same", r.stderr)
        changed = os.path.join(out, "y0", "d0", "doc000.pdf")
        with open(changed, "ab") as f:
            f.write(b"\n")
        os.unlink(os.path.join(out, "y1", "d1", "doc001.pdf"))
        before = {p: os.stat(os.path.join(out, p)).st_mtime_ns for p in files_under(out)}
        report = self.path("check.json")
        r = self.batch(root, "-o", out, "--check", "--report", report)
        self.assertEqual(r.returncode, 1, r.stderr)
        rep = self.validate(report)
        status = {os.path.relpath(d["output"], out): d["status"] for d in rep["documents"]}
        self.assertEqual(status[os.path.join("y0", "d0", "doc000.pdf")], "differs")
        self.assertEqual(status[os.path.join("y1", "d1", "doc001.pdf")], "missing")
        self.assertEqual(sorted(status.values()).count("same"), 2)
        after = {p: os.stat(os.path.join(out, p)).st_mtime_ns for p in files_under(out)}
        self.assertEqual(after, before)            # --check writes nothing

    def test_fail_fast(self):
        root = self.make_tree(6)
        bad = os.path.join(root, "y0", "d0", "doc000.yaml")      # first in name order
        write(bad, "gongwen: 1\ntemplate: [\n")
        report = self.path("r.json")
        r = self.batch(root, "-o", self.path("out"), "-j", "1", "--fail-fast", "--report", report)
        self.assertEqual(r.returncode, 1, r.stderr)
        rep = self.validate(report)
        self.assertEqual(rep["documents"][0]["status"], "error")
        self.assertEqual(rep["summary"]["not-run"], 5)
        self.assertFalse(os.path.exists(self.path("out")) and files_under(self.path("out")))

    def test_usage(self):
        root = self.make_tree(1)
        self.assertEqual(self.batch(root).returncode, 2)                      # no -o
        self.assertEqual(self.batch(root, "-o", self.path("o"), "-j", "0").returncode, 2)
        r = self.batch(root, "-o", self.path("o"), "-jx")
        self.assertEqual(r.returncode, 2)
        self.assertIn("-j takes a number from 1 to 1024, not x", r.stderr)
        open(self.path("file"), "w").close()
        r = self.batch(root, "-o", self.path("file"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("file is not a folder", r.stderr)
        self.assertEqual(len(r.stderr.splitlines()), 2)                   # said once, then the usage line
        r = self.batch(root, "-o", self.path("o"), "--bogus")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown option --bogus", r.stderr)
        self.assertEqual(self.batch("-o", self.path("o")).returncode, 2)      # no input
        # two inputs, one output
        shutil.copy(XIAMEN, os.path.join(root, "y0", "d0", "doc000.yml"))
        r = self.batch(root, "-o", self.path("o"))
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("would both be written to", r.stderr)
        self.assertFalse(os.path.exists(self.path("o")))

    def interrupt(self, sig):
        """A long batch stopped by sig once some PDFs exist."""
        root = self.path("in")
        text = read(XIAMEN)
        for i in range(400):
            write(os.path.join(root, f"doc{i:03}.yaml"), text)
        out = self.path("out")
        report = self.path("r.json")
        p = subprocess.Popen([gw.GONGWEN, "batch", root, "-o", out, "-j", "2", "--report", report],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and p.poll() is None:
            if os.path.isdir(out) and len(os.listdir(out)) >= 10:
                break
            time.sleep(0.01)
        p.send_signal(sig)
        _, err = p.communicate(timeout=120)
        self.assertEqual(p.returncode, -sig, err.decode("utf-8", "replace")[-2000:])
        names = os.listdir(out)
        self.assertEqual([n for n in names if ".tmp-" in n], [])
        self.assertGreater(len(names), 0)
        self.assertLess(len(names), 400)
        reference = self.path("ref.pdf")
        self.assertEqual(gw.render(XIAMEN, reference).returncode, 0)
        whole = read(reference, "rb")
        for n in names:                                 # every PDF left is whole
            self.assertEqual(read(os.path.join(out, n), "rb"), whole, n)
        rep = self.validate(report)
        self.assertEqual(rep["interrupted_by_signal"], sig)
        self.assertEqual(rep["summary"]["written"], len(names))
        self.assertEqual(rep["summary"]["not-run"], 400 - len(names))

    def test_sigint_leaves_no_partial_file(self):
        self.interrupt(signal.SIGINT)

    def test_sigterm_leaves_no_partial_file(self):
        self.interrupt(signal.SIGTERM)


if __name__ == "__main__":
    gw.main()
