"""scripts/make-seal: a red round seal with transparency, the same bytes for
the same arguments, the committed example seals exactly what their README
commands draw, and clear errors for what it cannot draw."""
import os
import re
import struct

from PIL import Image

import gwtest as gw

MAKE_SEAL = os.path.join(gw.SOURCE, "scripts", "make-seal")
SEALS = os.path.join(gw.EXAMPLES, "seals")


class MakeSeal(gw.Case):
    def draw(self, name, *args):
        out = self.path(f"seal-{len(os.listdir(self.tmp))}.png")
        r = gw.run([MAKE_SEAL, "-o", out, *args, name])
        self.assertEqual(r.returncode, 0, r.stderr)
        return out

    def test_red_ring_star_and_transparent_corners(self):
        im = Image.open(self.draw("厦门市湖里区卫生健康局", "--size", "300"))
        self.assertEqual((im.size, im.mode), ((300, 300), "RGBA"))
        alpha = im.getchannel("A")
        self.assertEqual(alpha.getpixel((2, 2)), 0, "corners are see-through")
        self.assertEqual(alpha.getpixel((150, 6)), 255, "the ring is solid at the top")
        self.assertEqual(alpha.getpixel((150, 150)), 255, "the star fills the centre")
        self.assertEqual(alpha.getpixel((150, 230)), 0, "nothing under the star")
        self.assertEqual(im.convert("RGB").getpixel((150, 150)), (230, 0, 18))
        # the name: ink in the band inside the ring, over the top
        band = alpha.crop((60, 20, 240, 90))
        inked = sum(1 for v in band.getdata() if v > 128) / (band.width * band.height)
        self.assertTrue(0.1 < inked < 0.6, inked)

    def test_deterministic_without_metadata(self):
        a = self.draw("福州市晋安区财政局", "--size", "200", "--bottom", "专用章")
        b = self.draw("福州市晋安区财政局", "--size", "200", "--bottom", "专用章")
        with open(a, "rb") as fa, open(b, "rb") as fb:
            data = fa.read()
            self.assertEqual(data, fb.read())
        chunks, at = [], 8
        while at < len(data):
            length, kind = struct.unpack(">I4s", data[at:at + 8])
            chunks.append(kind.decode())
            at += 12 + length
        self.assertEqual(set(chunks), {"IHDR", "IDAT", "IEND"})

    def test_example_seals_are_what_their_commands_draw(self):
        with open(os.path.join(SEALS, "README.md"), encoding="utf-8") as f:
            commands = re.findall(r"^scripts/make-seal (.*) -o examples/seals/(\S+) +(\S+)$", f.read(), re.M)
        pngs = sorted(p for p in os.listdir(SEALS) if p.endswith(".png"))
        self.assertEqual(sorted(c[1] for c in commands), pngs)
        for options, png, name in commands:
            drawn = self.draw(name, *options.split())
            with open(drawn, "rb") as a, open(os.path.join(SEALS, png), "rb") as b:
                self.assertEqual(a.read(), b.read(), png)

    def test_errors(self):
        for args, message in [(["--size", "10", "某局"], "--size"), (["  "], "empty"),
                              (["--font", "/no/such.otf", "某局"], "no font"),
                              (["\U000E0100局"], "no glyph")]:
            r = gw.run([MAKE_SEAL, "-o", self.path("x.png"), *args])
            self.assertNotEqual(r.returncode, 0, args)
            self.assertIn("make-seal: error:", r.stderr)
            self.assertIn(message, r.stderr)
            self.assertFalse(os.path.exists(self.path("x.png")), "nothing written on error")


if __name__ == "__main__":
    gw.main()
