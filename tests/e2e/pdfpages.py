"""Pages read back from a rendered PDF, not from gongwen's own layout dump:
text from mupdf's structured text (`mutool draw -F stext`: each character's
baseline origin, size, font, colour and advance), rules and images from the
page content streams (qpdf --qdf: `w`, `m`/`l`/`S` and `cm`/`Do`).  Every
length is in points from the page's top-left corner, y down.

A run is a stretch of characters on one baseline in one size with no gap
wider than three characters between them: a line of body text, a name, a
date, `— 3 —`.  Its `top` is the top of its ideographic em box, which the
fonts the project uses (Fandol, Noto CJK) put 0.88 em above the baseline
(their ideographic em box, 880/1000 units)."""
import os
import re
import subprocess
import xml.etree.ElementTree as ET

MM = 72 / 25.4
EM_TOP = 0.88

# The template's numbers (templates/file.yaml), for the measuring tests.
PAGE_H = 297 * MM
TYPE_TOP, TYPE_LEFT = 37 * MM, 28 * MM
TYPE_W, TYPE_H = 156 * MM, 225 * MM
TYPE_RIGHT, TYPE_BOTTOM = TYPE_LEFT + TYPE_W, TYPE_TOP + TYPE_H
LINE = TYPE_H / 22           # 28.99 pt
CH = TYPE_W / 28             # 15.79 pt


def _vertical_size(chars):
    """The font size up the page.  mupdf reports sqrt(horizontal x vertical)
    for horizontally scaled text (a shrunk issuer mark); a full-width
    character's advance is its horizontal size, which gives the vertical."""
    for c in chars:
        advance = c["x1"] - c["x"]
        if ord(c["c"]) >= 0x3000 and 0.5 * c["size"] < advance < 1.01 * c["size"]:
            return c["size"] ** 2 / advance
    return chars[0]["size"]


class Run:
    def __init__(self, chars):
        self.chars = chars
        first, last = chars[0], chars[-1]
        self.text = "".join(c["c"] for c in chars)
        self.size = _vertical_size(chars)
        self.font = first["font"]
        self.color = first["color"]
        self.x = first["x"]
        self.end = last["x1"]
        self.y = first["y"]                       # the baseline
        self.top = self.y - EM_TOP * self.size
        self.bottom = self.top + self.size

    @property
    def centre(self):
        return (self.x + self.end) / 2

    def __repr__(self):
        return f"Run({self.text!r} x={self.x / MM:.2f}mm top={self.top / MM:.2f}mm size={self.size})"


class Page:
    def __init__(self, number, width, height):
        self.number = number          # 1, 2, ...
        self.width, self.height = width, height
        self.runs, self.rules, self.images = [], [], []

    def find(self, text, size=None):
        """Runs whose text contains `text` (white space ignored)."""
        want = re.sub(r"\s+", "", text)
        return [r for r in self.runs if want in r.text and (size is None or abs(r.size - size) < 0.01)]

    def find_text(self, text):
        """The characters of `text` itself where a run holds it (a run may
        hold more: mupdf joins words on one baseline), as Runs."""
        want = re.sub(r"\s+", "", text)
        out = []
        for r in self.runs:
            i = r.text.find(want)
            if i >= 0:
                out.append(Run(r.chars[i:i + len(want)]))
        return out

    def body_runs(self):
        """Text inside the type area's height (not the page number)."""
        return [r for r in self.runs if r.top >= TYPE_TOP - 1 and r.bottom <= TYPE_BOTTOM + 1]

    def text(self):
        """The page's text without its page number."""
        return "".join(r.text for r in self.runs if not re.fullmatch(r"—\d+—", r.text))


def _chars(pdf):
    out = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf],
                         capture_output=True, check=True).stdout
    root = ET.fromstring(out)
    for n, page in enumerate(root.iter("page"), 1):
        chars = []
        for font in page.iter("font"):
            name, size = font.get("name"), float(font.get("size"))
            for ch in font.iter("char"):
                c = ch.get("c")
                if not c or c.isspace():
                    continue
                q = [float(v) for v in ch.get("quad").split()]
                chars.append({"c": c, "x": float(ch.get("x")), "y": float(ch.get("y")), "x1": max(q[2], q[6]),
                              "size": size, "font": name, "color": ch.get("color")})
        yield n, float(page.get("width")), float(page.get("height")), chars


def _runs(chars):
    rows = {}
    for c in chars:
        rows.setdefault((round(c["y"], 1), round(c["size"], 2)), []).append(c)
    runs = []
    for key in sorted(rows):
        row = sorted(rows[key], key=lambda c: round(c["x"], 2))   # stable: marks pushed together share an origin
        start = 0
        for i in range(1, len(row) + 1):
            if i == len(row) or row[i]["x"] - row[i - 1]["x1"] > 3 * row[i]["size"]:
                runs.append(Run(row[start:i]))
                start = i
    runs.sort(key=lambda r: (r.top, r.x))
    return runs


CONTENTS = re.compile(rb"%% Contents for page (\d+)\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<.*?>>\nstream\n(.*?)endstream", re.S)
NUM = r"-?\d*\.?\d+"


def _graphics(pdf, tmp):
    """Rules (horizontal lines) and images of each page, from the uncompressed content streams."""
    qdf = os.path.join(tmp, "qdf.pdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
    with open(qdf, "rb") as f:
        data = f.read()
    pages = {}
    for m in CONTENTS.finditer(data):
        pages.setdefault(int(m.group(1)), []).append(m.group(2).decode("latin-1"))
    return {n: _parse(" ".join(s)) for n, s in pages.items()}


def _parse(stream):
    rules, images = [], []
    width, colour, start, cm = 1.0, "gray 0", None, None
    tokens = re.findall(r"<[0-9a-fA-F]*>|\[|\]|/[^\s/\[\]<>()]+|" + NUM + r"|[A-Za-z*']+", stream)
    stack = []
    for t in tokens:
        if re.fullmatch(NUM, t):
            stack.append(float(t))
            continue
        if t == "w":
            width = stack[-1]
        elif t in ("G", "g"):
            colour = f"gray {stack[-1]:g}"
        elif t in ("K", "k"):
            colour = "cmyk " + " ".join(f"{v:g}" for v in stack[-4:])
        elif t in ("RG", "rg"):
            colour = "rgb " + " ".join(f"{v:g}" for v in stack[-3:])
        elif t == "m":
            start = (stack[-2], stack[-1])
        elif t == "l" and start:
            rules.append({"x1": start[0], "x2": stack[-2], "y_pdf": start[1], "thickness": width, "color": colour})
        elif t == "cm":
            cm = stack[-6:]
        elif t == "Do" and cm:
            images.append({"w": cm[0], "h": cm[3], "x": cm[4], "y_pdf": cm[5] + cm[3]})
        if not t.startswith("/") and t not in ("[", "]") and not t.startswith("<"):
            stack = []
    return rules, images


def read(pdf, tmp):
    """The pages of a PDF: runs, rules (y of the centre line) and images."""
    graphics = _graphics(pdf, tmp)
    pages = []
    for n, w, h, chars in _chars(pdf):
        p = Page(n, w, h)
        p.runs = _runs(chars)
        rules, images = graphics.get(n, ([], []))
        for r in rules:
            p.rules.append({**r, "y": h - r["y_pdf"]})
        for im in images:
            p.images.append({"x": im["x"], "y": h - im["y_pdf"], "w": im["w"], "h": im["h"]})
        pages.append(p)
    return pages


def page_labels(pdf):
    """The page label of each page, as qpdf gives it: the label dictionary
    with /St the page's own number (pdfinfo does not print labels)."""
    out = subprocess.run(["qpdf", "--json", "--json-key=pagelabels", "--json-key=pages", pdf],
                         capture_output=True, text=True, check=True).stdout
    import json
    d = json.loads(out)
    return [p.get("label") for p in d["pages"]]
