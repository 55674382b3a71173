"""The command line: help in both languages matching the man page, `--`,
`-` for standard input and output, -o DIR/, allowed option values, near
misses, the JSON of check and render against docs/json.md, --strict and
--quiet for render, substitutes said once a run, and an office's own font
found in --font-path under an original's name, reported as the original and
embedded (the font is made at test time from FandolFang with fontTools)."""
import json
import glob
import os
import re
import shutil
import unittest

import gwtest as gw

XIAMEN = os.path.join(gw.EXAMPLES, "xiamen-huli-reply.yaml")
FUZHOU = os.path.join(gw.EXAMPLES, "fuzhou-jinan-reply.yaml")
MAN = os.path.join(gw.SOURCE, "docs", "gongwen.1")
JSON_DOC = os.path.join(gw.SOURCE, "docs", "json.md")
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
COMMANDS = ["new", "check", "render", "batch", "fonts", "layout", "specimen", "help"]


def gongwen(args, env=None, input=None, cwd=None):
    return gw.subprocess.run([gw.GONGWEN, *args], env={**os.environ, **ENGLISH, **(env or {})}, input=input,
                             cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def man_sections():
    """The man page's text per command (its .SS "gongwen COMMAND ..." sections),
    roff escapes undone."""
    with open(MAN, encoding="utf-8") as f:
        text = f.read().replace("\\-", "-")
    sections = {}
    for part in re.split(r"^(?=\.S[SH] )", text, flags=re.M):
        m = re.match(r'\.SS "gongwen ([a-z]+)', part)
        if m:
            sections[m[1]] = part
    return sections


class Help(gw.Case):
    def test_each_command_has_help_in_both_languages(self):
        for command in COMMANDS:
            with self.subTest(command):
                en = gongwen([command, "--help"])
                zh = gongwen([command, "--help"], env=CHINESE)
                self.assertEqual(en.returncode, 0)
                self.assertTrue(en.stdout.startswith(f"usage: gongwen {command}"), en.stdout)
                self.assertTrue(zh.stdout.startswith(f"用法：gongwen {command}"), zh.stdout)
                self.assertEqual(gongwen(["help", command]).stdout, en.stdout)
                self.assertEqual(gongwen(["help", command], env=CHINESE).stdout, zh.stdout)
        self.assertIn("commands:", gongwen(["--help"]).stdout)
        self.assertIn("命令：", gongwen(["help"], env=CHINESE).stdout)
        r = gongwen(["help", "rendr"])
        self.assertEqual((r.returncode, r.stderr.splitlines()[0]), (2, "gongwen help: no command rendr"))

    def test_every_option_of_the_help_is_in_the_man_page(self):
        sections = man_sections()
        self.assertEqual(sorted(sections), sorted(COMMANDS))
        for command in COMMANDS:
            helptext = gongwen([command, "--help"]).stdout
            options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-zA-Z])\b", helptext))
            for option in options:
                with self.subTest(command=command, option=option):
                    self.assertIn(option, sections[command])
            # and the man page's options of the command are in its help
            for option in set(re.findall(r"\.B[IR]* (--?[a-z][a-z-]*)", sections[command])):
                with self.subTest(command=command, man_option=option):
                    self.assertIn(option, helptext)

    def test_version(self):
        r = gongwen(["-V"])
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout, gongwen(["--version"]).stdout)
        self.assertRegex(r.stdout, r"^gongwen \d+\.\d+\.\d+\ndata folder: .+ \((built in|beside the program|"
                                   r"from GONGWEN_DATA_DIR)\)\n(font folder: .+\n)+libraries: HarfBuzz ")
        r = gongwen(["-V"], env={"GONGWEN_DATA_DIR": gw.SOURCE})
        self.assertIn(f"data folder: {gw.SOURCE} (from GONGWEN_DATA_DIR)", r.stdout)


class Options(gw.Case):
    def test_an_unknown_value_names_the_allowed_ones(self):
        for command in (["check"], ["render"]):
            r = gongwen([*command, "--format", "xml", XIAMEN])
            self.assertEqual(r.returncode, 2)
            self.assertEqual(r.stderr.splitlines()[0],
                             f"gongwen {command[0]}: --format xml is not allowed; allowed values: text, json")
        r = gongwen(["check", "--format=yaml", XIAMEN], env=CHINESE)
        self.assertEqual(r.stderr.splitlines()[0], "gongwen check：--format 的值 yaml 无效，可选值为 text、json")

    def test_unknown_option_and_missing_value(self):
        r = gongwen(["render", "--bogus", XIAMEN])
        self.assertEqual((r.returncode, r.stderr.splitlines()[0]),
                         (2, "gongwen render: unknown option --bogus (see gongwen help render)"))
        r = gongwen(["render", XIAMEN, "-o"])
        self.assertEqual(r.stderr.splitlines()[0], "gongwen render: -o needs a value (see gongwen help render)")

    def test_new_suggests_near_misses(self):
        r = gongwen(["new", "--template", "leter"])
        self.assertEqual((r.returncode, r.stderr), (2, "gongwen new: no template leter; did you mean letter?\n"))
        r = gongwen(["new", "-t", "minuts"], env=CHINESE)
        self.assertEqual(r.stderr, "gongwen new：没有版式 minuts；是否应为 minutes？\n")
        r = gongwen(["new", "--template=zzzzzz"])
        self.assertEqual(r.stderr, "gongwen new: no template zzzzzz: use file, letter, order or minutes\n")
        self.assertTrue(gongwen(["new", "-t", "letter"]).stdout.startswith("# 公文文档"))

    def test_double_dash_ends_the_options(self):
        shutil.copy(XIAMEN, self.path("-odd.yaml"))
        r = gongwen(["check", "--", "-odd.yaml"], cwd=self.tmp)
        self.assertEqual((r.returncode, r.stdout), (0, ""))
        r = gongwen(["render", "-q", "--", "-odd.yaml"], cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertGreater(os.path.getsize(self.path("-odd.pdf")), 10000)

    def test_standard_input_and_output(self):
        with open(XIAMEN, encoding="utf-8") as f:
            text = f.read()
        r = gongwen(["check", "-"], input=text.replace("17号", "17"))
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stdout, r"^<stdin>:\d+:\d+: error E0\d+ \[number\]")
        pdf = gw.subprocess.run([gw.GONGWEN, "render", "-q", "-", "-o", "-"], input=text.encode(),
                                capture_output=True)
        self.assertEqual(pdf.returncode, 0, pdf.stderr)
        self.assertTrue(pdf.stdout.startswith(b"%PDF-1.5"))
        with open(self.path("stdout.pdf"), "wb") as f:
            f.write(pdf.stdout)
        self.assertIn("厦门市湖里区卫生健康局", gw.squeeze(gw.pdftext(self.path("stdout.pdf"))))
        r = gongwen(["layout", "-"], input=text)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(json.loads(r.stdout)["units"], "pt")
        r = gongwen(["render", "-"], input=text)
        self.assertEqual(r.returncode, 2)
        self.assertIn("needs --output FILE", r.stderr)

    def test_output_folder(self):
        r = gongwen(["render", "-q", "-o", self.path("out") + "/", XIAMEN, FUZHOU])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(self.path("out"))), ["fuzhou-jinan-reply.pdf", "xiamen-huli-reply.pdf"])
        os.mkdir(self.path("existing"))
        r = gongwen(["render", "-q", "-o", self.path("existing"), XIAMEN])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(os.listdir(self.path("existing")), ["xiamen-huli-reply.pdf"])
        r = gongwen(["render", "-o", self.path("one.pdf"), XIAMEN, FUZHOU])
        self.assertEqual(r.returncode, 2)


class Render(gw.Case):
    def test_strict_fails_on_font_warnings_and_writes_nothing(self):
        out = self.path("x.pdf")
        plain = gongwen(["render", XIAMEN, "-o", out])
        self.assertEqual(plain.returncode, 0)
        if "W0811" not in plain.stderr:
            self.skipTest("every original font is installed here: no substitution warning")
        os.remove(out)
        r = gongwen(["render", "--strict", XIAMEN, "-o", out])
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"error W0811 \[fangsong\]")
        self.assertFalse(os.path.exists(out))

    def test_quiet_and_substitutes_said_once_a_run(self):
        r = gongwen(["render", "-o", self.path("o") + "/", XIAMEN, FUZHOU])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = [l for l in r.stderr.splitlines() if "W0811 [fangsong]" in l]
        self.assertLessEqual(len(lines), 1, r.stderr)
        q = gongwen(["render", "-q", "-o", self.path("q") + "/", XIAMEN, FUZHOU])
        self.assertEqual((q.returncode, q.stderr), (0, ""))


def json_keys_documented():
    """The keys of the diagnostics table in docs/json.md."""
    with open(JSON_DOC, encoding="utf-8") as f:
        text = f.read().split("## Layout")[0]
    keys = set()
    for cell in re.findall(r"^\| (`[^|]+`) \|", text, re.M):
        for k in re.findall(r"`([^`]+)`", cell):
            keys.add(k if "." not in k and "[]" not in k else k)
    return keys


class Json(gw.Case):
    def check_schema(self, doc):
        keys = json_keys_documented()
        self.assertEqual(set(doc), {k for k in keys if "." not in k})
        file_keys = {k.split(".", 1)[1] for k in keys if k.startswith("files[].")}
        diag_keys = {k.split(".", 1)[1] for k in keys if k.startswith("diagnostics[].")}
        diag_keys |= {"column"}                            # documented with line: `.column`
        for f in doc["files"]:
            self.assertEqual(set(f), file_keys)
        for d in doc["diagnostics"]:
            self.assertEqual(set(d), diag_keys)
            self.assertIn(d["severity"], ("error", "warning"))
            self.assertRegex(d["code"], r"^[EW]\d{4}$")
            self.assertEqual(d["path"], d["field"] or "")
            for k in ("line", "column"):
                self.assertTrue(d[k] is None or (isinstance(d[k], int) and d[k] > 0))

    def test_check_json_lists_every_file_and_matches_the_doc(self):
        broken = os.path.join(gw.DATA, "broken", "023-number-square-brackets.yaml")
        r = gongwen(["check", "--format", "json", XIAMEN, broken])
        self.assertEqual(r.returncode, 1)
        doc = json.loads(r.stdout)
        self.check_schema(doc)
        self.assertEqual([(f["file"], f["errors"]) for f in doc["files"]], [(XIAMEN, 0), (broken, 1)])
        d = doc["diagnostics"][0]
        self.assertEqual((d["code"], d["file"], d["line"], d["column"], d["field"], d["input"]),
                         ("E0104", broken, 4, 9, "number", broken))
        self.assertIsInstance(d["hint"], str)
        zh = json.loads(gongwen(["check", "--format", "json", broken], env=CHINESE).stdout)
        self.assertIsNone(zh["diagnostics"][0]["hint"])
        self.assertIn("六角括号", zh["diagnostics"][0]["message"])

    def test_render_json_names_the_outputs(self):
        out = self.path("x.pdf")
        r = gongwen(["render", "--format", "json", XIAMEN, "-o", out])
        self.assertEqual(r.returncode, 0)
        doc = json.loads(r.stderr)
        self.check_schema(doc)
        self.assertEqual(doc["files"][0]["output"], out)
        self.assertEqual(doc["files"][0]["warnings"], doc["warnings"])


def make_font(path, family, english, text):
    """FandolFang cut down to the characters of text, renamed to family (in
    Chinese) and english (its English name)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    src = None
    for d in os.environ.get("GONGWEN_FONT_PATH", "").split(":") + [
            os.path.expanduser("~/.local/share/gongwen/fonts"), "/usr/local/share/gongwen/fonts",
            "/usr/share/gongwen/fonts", os.path.join(gw.SOURCE, "fonts", "cache"),
            "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"]:
        if d and os.path.exists(os.path.join(d, "FandolFang-Regular.otf")):
            src = os.path.join(d, "FandolFang-Regular.otf")
            break
    if not src:
        return False
    font = TTFont(src)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    sub = subset.Subsetter(options)
    sub.populate(text=text + "0123456789〔〕（）：，。、—")
    sub.subset(font)
    ps = english.replace("_", "-")
    names = font["name"]
    names.names = [n for n in names.names if n.nameID not in (1, 3, 4, 6, 16, 17)]
    # As the originals are named: an English family for en-US, the Chinese one for zh-CN.
    for lang, name in ((0x409, english), (0x804, family)):
        for name_id, value in ((1, name), (3, ps), (4, name), (6, ps)):
            names.setName(value, name_id, 3, 1, lang)
    font["CFF "].cff.fontNames = [ps]
    font.save(path)
    return ps


class OwnFonts(gw.Case):
    def setUp(self):
        super().setUp()
        with open(XIAMEN, encoding="utf-8") as f:
            self.text = f.read()
        self.fonts = self.path("office-fonts")
        os.mkdir(self.fonts)
        self.env = {"XDG_CONFIG_HOME": self.path("config"), "XDG_CACHE_HOME": self.path("cache")}

    def test_an_original_in_font_path_is_used_reported_and_embedded(self):
        ps = make_font(os.path.join(self.fonts, "fs.otf"), "仿宋_GB2312", "FangSong_GB2312", self.text)
        if not ps:
            self.skipTest("FandolFang is not on this machine (scripts/setup)")
        r = gongwen(["fonts", "--font-path", self.fonts], env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"(?m)^fangsong \(original: 仿宋_GB2312\)\n  original    FangSong_GB2312 Regular  "
                         + re.escape(os.path.join(self.fonts, "fs.otf")) + "$")
        self.assertRegex(r.stdout, r"(?m)^  searched    仿宋_GB2312 \(original\): found$")
        self.assertIn(self.fonts, r.stdout.split("font folders")[1])
        out = self.path("x.pdf")
        r = gongwen(["render", XIAMEN, "-o", out, "--font-path", self.fonts], env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("W0811 [fangsong]", r.stderr)
        rows = [f for f in gw.pdffonts(out) if f["name"].endswith("+" + ps)]
        self.assertEqual(len(rows), 1, gw.pdffonts(out))
        self.assertEqual((rows[0]["emb"], rows[0]["sub"]), ("yes", "yes"))
        # batch takes the same option
        os.mkdir(self.path("letters"))
        shutil.copy(XIAMEN, os.path.join(self.path("letters"), "x.yaml"))
        r = gongwen(["batch", self.path("letters"), "-o", self.path("pdf"), "--font-path", self.fonts], env=self.env)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("W0811 [fangsong]", r.stderr)
        self.assertIn("W0811 [heiti]", r.stderr)
        rows = [f for f in gw.pdffonts(os.path.join(self.path("pdf"), "x.pdf")) if f["name"].endswith("+" + ps)]
        self.assertEqual(len(rows), 1)
        # the same through the environment
        r = gongwen(["fonts"], env={**self.env, "GONGWEN_FONT_PATH": "/nonexistent:" + self.fonts})
        self.assertIn("original    FangSong_GB2312 Regular", r.stdout)

    def test_a_folder_read_whole_still_gives_only_its_font_files(self):
        # a folder of regular files only goes to fontconfig whole (its cache
        # spares a scan of every font in every process); a font named other
        # than *.ttf, *.otf, *.ttc or *.otc is still no candidate, as file by file
        if not make_font(os.path.join(self.fonts, "fs.font"), "仿宋_GB2312", "FangSong_GB2312", self.text):
            self.skipTest("FandolFang is not on this machine (scripts/setup)")
        searched = r"(?m)^  searched    仿宋_GB2312 \(original\): "
        for run in range(2):                  # the second from fontconfig's cache
            r = gongwen(["fonts", "--font-path", self.fonts], env=self.env)
            self.assertRegex(r.stdout, searched + "not found$", f"run {run}")
        os.rename(os.path.join(self.fonts, "fs.font"), os.path.join(self.fonts, "fs.otf"))
        for run in range(2):
            r = gongwen(["fonts", "--font-path", self.fonts], env=self.env)
            self.assertRegex(r.stdout, searched + "found$", f"run {run}")
            self.assertIn(os.path.join(self.fonts, "fs.otf"), r.stdout)

    def test_a_font_folder_with_a_fifo_does_not_hang(self):
        os.mkfifo(os.path.join(self.fonts, "pipe.ttf"))
        os.mkfifo(os.path.join(self.fonts, "pipe"))
        os.symlink("/", os.path.join(self.fonts, "root"))          # not followed
        r = gw.subprocess.run([gw.GONGWEN, "render", "-q", XIAMEN, "-o", self.path("x.pdf"),
                               "--font-path", self.fonts], env={**os.environ, **ENGLISH, **self.env},
                              capture_output=True, text=True, timeout=60)
        self.assertEqual((r.returncode, r.stderr), (0, ""))

    def test_a_user_font_map_extends_the_installed_one(self):
        ps = make_font(os.path.join(self.fonts, "own.otf"), "本单位仿宋", "OfficeFangSong", self.text)
        if not ps:
            self.skipTest("FandolFang is not on this machine (scripts/setup)")
        os.makedirs(self.path("config/gongwen"))
        with open(self.path("config/gongwen/fonts.yaml"), "w", encoding="utf-8") as f:
            f.write("roles:\n  fangsong:\n    - {family: 本单位仿宋, original: true}\n"
                    "    - {file: own.otf, original: true}\n")
        r = gongwen(["fonts", "--font-path", self.fonts], env=self.env)
        self.assertRegex(r.stdout, r"(?m)^fangsong \(original: 本单位仿宋\)\n  original    OfficeFangSong Regular")
        self.assertRegex(r.stdout, r"(?m)^              仿宋_GB2312 \(original\): not found$")
        self.assertRegex(r.stdout, r"(?m)^heiti \(original: 黑体\)$")      # the installed roles remain
        shutil.copy(os.path.join(self.fonts, "own.otf"), self.path("config/gongwen/own.otf"))
        r = gongwen(["fonts"], env=self.env)                 # a file beside the user's map
        self.assertIn("fangsong (original: 本单位仿宋)\n  original    OfficeFangSong Regular  "
                      + self.path("config/gongwen/own.otf"), r.stdout)


class ChineseMessages(unittest.TestCase):
    """Every Chinese message the broken-document corpus gives (with --layout,
    for the fonts' messages) names fields and font roles in Chinese: no
    field key of the schema and no role key of fonts.yaml as a word, except
    inside quotes (“seal”: what the user typed or is to type) or as a key to
    write (`title:`)."""
    # codes whose messages still name a field by its path; each leaves when fixed
    STILL_ENGLISH = set()

    def names(self):
        with open(os.path.join(gw.SOURCE, "generator", "document", "schema.c"), encoding="utf-8") as f:
            fields = set(re.findall(r'\{ "(\w+)", "', f.read()))
        with open(os.path.join(gw.SOURCE, "fonts", "fonts.yaml"), encoding="utf-8") as f:
            roles = set(re.findall(r"^  (\w+):", f.read(), re.M))
        self.assertTrue({"note", "signature", "title"} <= fields and {"fangsong", "xiaobiaosong"} <= roles)
        return fields | roles

    def english_words(self, message, names):
        bare = re.sub(r"“[^”]*”", "", message)
        words = re.findall(r"(?<![\w./-])([A-Za-z_]\w*)(?![\w:./-])", bare)
        return sorted(set(words) & names)

    def test_no_english_field_or_role_name_in_a_chinese_message(self):
        names = self.names()
        files = sorted(glob.glob(os.path.join(gw.DATA, "broken", "*.yaml")))
        r = gongwen(["check", "--layout", "--format", "json", *files], env=CHINESE)
        english = {}
        for d in json.loads(r.stdout)["diagnostics"]:
            words = self.english_words(d["message"], names)
            if words:
                english.setdefault(d["code"], d["message"])
        codes = {d["code"] for d in json.loads(r.stdout)["diagnostics"]}
        self.assertTrue({"E0101", "E0112", "W0811"} <= codes)
        self.assertEqual({c: m for c, m in english.items() if c not in self.STILL_ENGLISH}, {})
        self.assertEqual(sorted(self.STILL_ENGLISH - set(english)), [], "fixed: take it off STILL_ENGLISH")
        # the messages that named fields by their keys now say them in Chinese
        said = [d["message"] for d in json.loads(r.stdout)["diagnostics"]]
        self.assertIn("发文字号应为文本", said)
        self.assertIn("联系信息应为列表", said)

    def test_the_fixed_messages_read_as_chinese(self):
        rows = gongwen(["check", os.path.join(gw.DATA, "broken", "038-empty-note.yaml"),
                        os.path.join(gw.DATA, "broken", "014-missing-date.yaml")], env=CHINESE).stdout
        self.assertIn("附注为空：请填写或删除", rows)
        self.assertIn("缺少必填字段“成文日期”", rows)


if __name__ == "__main__":
    gw.main()
