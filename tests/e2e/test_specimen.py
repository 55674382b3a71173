"""gongwen check --template (templates checked by themselves: the broken
templates of tests/data/templates at their places, a font role the font map
lacks at its role: value, the four built-ins clean) and gongwen specimen
(every built-in template rendered with every element of its specimen in
the PDF, seals included)."""
import json
import os
import re
import subprocess
import tempfile
import unittest

import yaml

import gwtest as gw

TEMPLATES = os.path.join(gw.DATA, "templates")
SPECIMENS = os.path.join(gw.SOURCE, "specimens")
UNIT_TABLE = os.path.join(gw.SOURCE, "tests", "unit", "test-template.c")
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
BUILTINS = ["file", "letter", "order", "minutes"]
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning) "
                  r"(?P<code>E\d{4}) \[(?P<path>.+?)\]: (?P<msg>.*)$")
# The broken templates' expectations, as test-template.c lists them (one table for both tests):
# { "bad-unit.yaml", "E0902", 3, 8, "footer.gap", NULL },
ROW = re.compile(r'\{ "([\w-]+\.yaml)", "(E\d{4})", (\d+), (\d+), "([^"]*)", (NULL|"[\w.-]+") \}')


def gongwen(args, env=None, cwd=None):
    return gw.run([gw.GONGWEN, *args], env={**ENGLISH, **(env or {})}, cwd=cwd)


def broken_templates():
    with open(UNIT_TABLE, encoding="utf-8") as f:
        rows = ROW.findall(f.read())
    return [(name, code, int(line), int(col), path, None if other == "NULL" else other.strip('"'))
            for name, code, line, col, path, other in rows]


def diagnostics(stdout):
    return [m.groupdict() for m in map(LINE.match, stdout.splitlines()) if m]


class CheckTemplate(unittest.TestCase):
    def test_the_built_in_templates_are_clean_by_name_and_by_path(self):
        names = BUILTINS + [os.path.join(gw.SOURCE, "templates", f"{n}.yaml") for n in BUILTINS]
        r = gongwen(["check", "--template", "--strict", *names])
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))

    def test_each_broken_template_is_refused_at_its_place(self):
        rows = broken_templates()
        self.assertGreaterEqual(len(rows), 40)
        # a bad key, unit, range and enumeration are among them
        self.assertTrue({"E0907", "E0902", "E0912", "E0909"} <= {row[1] for row in rows})
        for name, code, line, col, path, other in rows:
            with self.subTest(name):
                r = gongwen(["check", "--template", os.path.join(TEMPLATES, name)])
                self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
                first = diagnostics(r.stdout)[0]
                self.assertEqual((first["code"], int(first["line"]), int(first["col"]), first["path"]),
                                 (code, line, col, path), r.stdout)
                self.assertEqual(os.path.basename(first["file"]), other or name)

    def test_json_lists_every_template_clean_ones_too(self):
        r = gongwen(["check", "--template", "--format", "json", "letter", os.path.join(TEMPLATES, "bad-align.yaml")])
        report = json.loads(r.stdout)
        self.assertEqual(r.returncode, 1)
        self.assertEqual([f["errors"] for f in report["files"]], [0, 1])
        d = report["diagnostics"][0]
        self.assertEqual((d["code"], d["line"], d["column"], d["field"]), ("E0909", 6, 12, "header[0].align"))

    def test_a_font_role_the_font_map_lacks_is_said_at_the_role_value(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "office.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write("extends: file\nstyles:\n  title:\n    role: fangsomg\n    size: 22pt\n")
            r = gongwen(["check", "--template", path])
            zh = gongwen(["check", "--template", path], env=CHINESE)
        self.assertEqual(r.returncode, 1)
        [d] = diagnostics(r.stdout)
        self.assertEqual((d["code"], d["line"], d["col"], d["path"]), ("E0928", "4", "11", "styles.title.role"))
        self.assertIn("fangsomg", d["msg"])
        self.assertIn("fangsong", d["msg"])
        [z] = diagnostics(zh.stdout)
        self.assertIn("“fangsong”（仿宋）", z["msg"])

    def test_a_template_from_standard_input(self):
        r = subprocess.run([gw.GONGWEN, "check", "--template", "-"], input="extends: file\nfooter:\n  gap: 7px\n",
                           capture_output=True, text=True, env={**os.environ, **ENGLISH})
        self.assertEqual(r.returncode, 1)
        self.assertTrue(r.stdout.startswith("<stdin>:3:8: error E0902 [footer.gap]"), r.stdout)


def specimen_texts(doc):
    """What of the specimen document must be in its PDF (squeezed): every
    element it holds, each by a text of it."""
    texts = []
    for key in ("copy_number", "classification", "urgency", "number", "note"):
        if key in doc:
            texts.append(str(doc[key]))
    issuers = doc["issuer"] if isinstance(doc["issuer"], list) else [doc["issuer"]]
    texts += [i["mark"] if isinstance(i, dict) and "mark" in i else i for i in issuers if isinstance(i, (str, dict))]
    texts += doc.get("signers", [])
    if "reply" in doc:
        texts.append(f"{doc['reply']['category']}类")
    if "title" in doc:
        texts.append(doc["title"])
    if "to" in doc:
        texts += doc["to"] if isinstance(doc["to"], list) else [doc["to"]]
    for line in doc["body"].splitlines():
        texts.append(line.replace("**", ""))
    for a in doc.get("attachments", []):
        texts.append(a if isinstance(a, str) else a["name"])
        if isinstance(a, dict):
            texts += a["body"].splitlines()
    for contact in doc.get("contacts", []):
        texts += [f"{k}：{v}" for k, v in contact.items()]
    for names in doc.get("attendance", {}).values():
        texts += names
    texts += doc.get("cc", [])
    if "print" in doc:
        texts.append(doc["print"]["by"])
    return [re.sub(r"\s+", "", t) for t in texts]


class Specimen(unittest.TestCase):
    # what each kind of template can print, and must be in its specimen
    ELEMENTS = {
        "file": ["copy_number", "classification", "urgency", "signers", "reply", "title", "to", "body",
                 "attachments", "contacts", "signature", "note", "cc", "print"],
        "letter": ["copy_number", "classification", "urgency", "reply", "title", "to", "body", "attachments",
                   "contacts", "signature", "note", "cc"],
        "order": ["copy_number", "classification", "urgency", "to", "body", "attachments", "signature", "note",
                  "cc", "print"],
        "minutes": ["copy_number", "classification", "urgency", "number", "title", "to", "body", "attachments",
                    "attendance", "note", "cc", "print"],
    }
    SEALS = {"file": 3, "letter": 1, "order": 1, "minutes": 0}

    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def specimen(self, kind):
        with open(os.path.join(SPECIMENS, f"{kind}.yaml"), encoding="utf-8") as f:
            return yaml.safe_load(f)

    def test_each_specimen_holds_every_element_of_its_kind(self):
        for kind, elements in self.ELEMENTS.items():
            doc = self.specimen(kind)
            with self.subTest(kind):
                self.assertEqual([e for e in elements if e not in doc], [])
                levels = [r"^一、", r"^（一）", r"^1\.", r"^（1）"]
                lines = doc["body"].splitlines()
                for level in levels:
                    self.assertTrue(any(re.match(level, l) for l in lines), level)
                self.assertIn("**", doc["body"])
                self.assertTrue(any(isinstance(a, dict) and "body" in a for a in doc["attachments"]))
                if kind == "file":
                    self.assertEqual(len(doc["issuer"]), 3)
                if kind == "order":
                    self.assertIn("title", doc["signature"])      # the signature seal

    def test_every_built_in_template_renders_its_specimen_whole(self):
        for kind in BUILTINS:
            with self.subTest(kind):
                out = os.path.join(self.tmp, f"{kind}.pdf")
                r = gongwen(["specimen", "-q", "--template", kind, "-o", out])
                self.assertEqual((r.returncode, r.stderr), (0, ""))
                text = gw.squeeze(gw.pdftext(out))
                missing = [t for t in specimen_texts(self.specimen(kind)) if t not in text]
                self.assertEqual(missing, [])
                images = gw.run(["pdfimages", "-list", out], check=True).stdout.splitlines()[2:]
                self.assertEqual(sum(1 for l in images if l.split()[2] == "image"), self.SEALS[kind])

    def test_a_template_file_renders_the_specimen_of_its_kind(self):
        out = os.path.join(self.tmp, "office.pdf")
        r = gongwen(["specimen", "-q", "--template", os.path.join(TEMPLATES, "office.yaml"), "-o", out], cwd=self.tmp)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertIn(gw.squeeze(self.specimen("file")["title"]), gw.squeeze(gw.pdftext(out)))

    def test_the_default_name_a_folder_and_standard_output(self):
        r = gongwen(["specimen", "-q", "-t", "letter"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.tmp, "specimen-letter.pdf")))
        r = gongwen(["specimen", "-q", "-t", "order", "-o", "out/"], cwd=self.tmp)
        self.assertTrue(os.path.isfile(os.path.join(self.tmp, "out", "specimen-order.pdf")), r.stderr)
        r = subprocess.run([gw.GONGWEN, "specimen", "-q", "-o", "-"], capture_output=True,
                           env={**os.environ, **ENGLISH})
        self.assertEqual(r.returncode, 0)
        self.assertTrue(r.stdout.startswith(b"%PDF-"))

    def test_a_broken_template_writes_nothing(self):
        out = os.path.join(self.tmp, "bad.pdf")
        r = gongwen(["specimen", "--template", os.path.join(TEMPLATES, "bad-unit.yaml"), "-o", out])
        self.assertEqual(r.returncode, 1)
        self.assertIn("E0902", r.stderr)
        self.assertFalse(os.path.exists(out))
        r = gongwen(["specimen", "--template", "leter"])
        self.assertEqual(r.returncode, 1)
        self.assertIn("letter", r.stderr)

    def test_an_operand_is_a_usage_error(self):
        self.assertEqual(gongwen(["specimen", "file"]).returncode, 2)


if __name__ == "__main__":
    gw.main()
