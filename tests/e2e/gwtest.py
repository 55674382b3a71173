"""Helpers for the end-to-end tests: run gongwen, read PDFs back with
poppler, qpdf, mupdf and ghostscript."""
import json
import os
import re
import subprocess
import tempfile
import unittest

GONGWEN = os.environ.get("GONGWEN", "gongwen")
SOURCE = os.environ.get("GW_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(SOURCE, "examples")
DATA = os.path.join(SOURCE, "tests", "data")


def run(args, env=None, check=False, cwd=None):
    """Runs a command; returns CompletedProcess with text (UTF-8) output."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", env=full_env,
                          check=check, cwd=cwd)


def render(src, out, env=None):
    return run([GONGWEN, "render", src, "-o", out], env=env)


def pdftext(pdf):
    """Text in content-stream order (pdftotext -raw)."""
    return run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], check=True).stdout


def squeeze(text):
    """Text without white space and without page numbers (— 1 —)."""
    text = re.sub(r"—\s*\d+\s*—", "", text)
    return re.sub(r"\s+", "", text)


def pdffonts(pdf):
    """Rows of pdffonts as dicts: name, type, emb, sub, uni."""
    lines = run(["pdffonts", pdf], check=True).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3],
                     "line": line})
    return rows


def qpdf_objects(pdf):
    out = run(["qpdf", "--json=2", "--json-stream-data=none", pdf], check=True).stdout
    return json.loads(out)["qpdf"][1]


def font_program_bytes(pdf):
    """Sum of the (compressed) lengths of the embedded font programs."""
    objs = qpdf_objects(pdf)

    def value(ref_or_value):
        if isinstance(ref_or_value, str) and ref_or_value.endswith(" R"):
            return objs["obj:" + ref_or_value]["value"]
        return ref_or_value

    total = 0
    for obj in objs.values():
        v = obj.get("value")
        if not isinstance(v, dict) or v.get("/Type") != "/FontDescriptor":
            continue
        for key in ("/FontFile", "/FontFile2", "/FontFile3"):
            if key in v:
                stream = objs["obj:" + v[key]]["stream"]["dict"]
                total += value(stream["/Length"])
    return total


# Lines that mutool prints for every file on Debian 12, about its own build
# (no little-cms) or its progress, not about the document.
MUTOOL_NOISE = re.compile(r"^(warning: ICC support is not available|page .* \d+)$")


def render_warnings(pdf):
    """Warnings and errors from mupdf and ghostscript rendering the PDF."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        m = run(["mutool", "draw", "-r", "20", "-o", os.path.join(tmp, "m%d.png"), pdf])
        problems += [f"mutool: {l}" for l in (m.stdout + m.stderr).splitlines()
                     if l.strip() and not MUTOOL_NOISE.match(l.strip())]
        if m.returncode:
            problems.append(f"mutool exit {m.returncode}")
        g = run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=png16m", "-r20",
                 "-sOutputFile=" + os.path.join(tmp, "g%d.png"), pdf])
        problems += [f"gs: {l}" for l in (g.stdout + g.stderr).splitlines() if l.strip()]
        if g.returncode:
            problems.append(f"gs exit {g.returncode}")
    return problems


class Case(unittest.TestCase):
    """A test case with a scratch folder."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)


def main():
    """unittest.main, then the closing line CI reads."""
    prog = unittest.main(exit=False, verbosity=2)
    r = prog.result
    failed = len(r.failures) + len(r.errors)
    print(f"{r.testsRun - failed - len(r.skipped)} passed, {failed} failed, {len(r.skipped)} skipped")
    raise SystemExit(1 if failed else 0)
