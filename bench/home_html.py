#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The Lotse developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn a kiosk screen into a static HTML page: the same screen for a browser.

    home_html.py DUMP.json SCREENSHOT.png OUT.html

DUMP.json and SCREENSHOT.png come from one headless script run of the kiosk (`dump` and
`screenshot`). The display list gives every element's id, box, text, wrapped lines,
font size and line distance; what it does not carry (colours, corner radii, bold,
alignment) is read back from the kiosk's own screenshot: fill colour inside each box,
the radius where the rounded corner meets the fill, the text colour as the strongest
ink in the text box, bold from the width of the strokes, alignment from where the ink
sits. Icons (vector shapes drawn by the kiosk) are cut out of the screenshot and
embedded as small PNG data URIs. Texts stay real text, laid out by the browser in
absolutely positioned boxes with the system's fonts (Noto Sans, Noto Sans Arabic, Noto
Sans Ethiopic, DejaVu Sans): no network, no web fonts, no script.

Only the standard library: a small PNG reader (8-bit RGB/RGBA, not interlaced) and
writer are included.
"""
import base64
import html
import json
import statistics
import struct
import sys
import zlib


# ---- PNG ------------------------------------------------------------------------------


def png_read(path):
    """Returns (width, height, rows) with rows[y] a bytearray of RGB triples."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError(f"{path}: only 8-bit RGB/RGBA, not interlaced")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        ft = raw[y * (stride + 1)]
        cur = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if ft == 1:
            for i in range(bpp, stride):
                cur[i] = (cur[i] + cur[i - bpp]) & 255
        elif ft == 2:
            cur = bytearray((a + b) & 255 for a, b in zip(cur, prev))
        elif ft == 3:
            for i in range(stride):
                left = cur[i - bpp] if i >= bpp else 0
                cur[i] = (cur[i] + ((left + prev[i]) >> 1)) & 255
        elif ft == 4:
            for i in range(stride):
                a = cur[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                cur[i] = (cur[i] + pred) & 255
        prev = cur
        if bpp == 4:
            cur = bytearray(b for i, b in enumerate(cur) if i % 4 != 3)
        rows.append(cur)
    return width, height, rows


def png_write(width, height, rgb_rows):
    def chunk(kind, body):
        c = struct.pack(">I", len(body)) + kind + body
        return c + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(r) for r in rgb_rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


# ---- reading the screenshot -----------------------------------------------------------


class Shot:
    def __init__(self, path):
        self.w, self.h, self.rows = png_read(path)

    def px(self, x, y):
        x = min(max(x, 0), self.w - 1)
        y = min(max(y, 0), self.h - 1)
        r = self.rows[y]
        return (r[3 * x], r[3 * x + 1], r[3 * x + 2])

    def crop_png(self, x, y, w, h):
        rows = [self.rows[yy][3 * x : 3 * (x + w)] for yy in range(y, y + h)]
        return png_write(w, h, rows)


def dist(a, b):
    return sum(abs(p - q) for p, q in zip(a, b))


def hexcol(c):
    return "#%02X%02X%02X" % c


def fill_colour(shot, e):
    """The fill of a box: the most common colour along a row just inside its top edge
    (away from the rounded corners and usually above any text)."""
    y = e["y"] + 2
    seen = {}
    for x in range(e["x"] + e["w"] // 4, e["x"] + 3 * e["w"] // 4, 2):
        c = shot.px(x, y)
        seen[c] = seen.get(c, 0) + 1
    return max(seen, key=seen.get)


def dominant(shot, x, y, w, h):
    """The most common colour in a box (what text is drawn on)."""
    seen = {}
    for yy in range(y, y + h, 3):
        for xx in range(x, x + w, 3):
            c = shot.px(xx, yy)
            seen[c] = seen.get(c, 0) + 1
    return max(seen, key=seen.get)


def corner_radius(shot, e, fill):
    """Walk the diagonal from the top-left corner until the fill starts: there the
    corner circle is r * (1 - 1/sqrt 2) from the corner."""
    for i in range(0, min(e["w"], e["h"]) // 2):
        if dist(shot.px(e["x"] + i, e["y"] + i), fill) < 24:
            return round(i / 0.2929) if i > 0 else 0
    return 0


def text_rect(e):
    """dl_text_rect for what the dump shows: a button with an icon gives up
    pad + size + pad on its start side (size = h / 2 unless the icon is its own
    element, pad = size / 3)."""
    x, y, w, h = e["x"], e["y"], e["w"], e["h"]
    if e["role"] == "button" and e.get("icon"):
        size = h // 2
        pad = size // 3
        return x + 2 * pad + size, y, w - 2 * pad - size, h, (x + pad, y + (h - size) // 2, size)
    return x, y, w, h, None


def analyse_text(shot, e, bg, rect):
    """Colour, weight, horizontal and vertical placement of the ink in the text box."""
    x0, y0, w, h = rect
    ya, yb = max(y0, 0), min(y0 + h, shot.h)
    # The text colour: the most common colour clearly away from the background (the
    # cores of the strokes), which a neighbour's ink reaching into the box cannot
    # outvote.
    seen = {}
    for y in range(ya, yb):
        for x in range(x0, x0 + w):
            c = shot.px(x, y)
            if dist(c, bg) >= 60:
                seen[c] = seen.get(c, 0) + 1
    if not seen:
        return None
    fg = max(seen, key=seen.get)
    full = dist(fg, bg)
    ink_y0, ink_y1 = yb, ya
    cols = set()
    runs = []
    for y in range(ya, yb):
        run = 0
        for x in range(x0, x0 + w + 1):
            strong = x < x0 + w and dist(shot.px(x, y), bg) * 2 > full
            if strong:
                run += 1
                cols.add(x)
                ink_y0, ink_y1 = min(ink_y0, y), max(ink_y1, y)
            elif run:
                runs.append(run)
                run = 0
    # Strokes: the typical horizontal run of ink relative to the size (Noto Sans: about
    # 0.08 em regular, 0.13 em bold).
    stroke = statistics.median(runs) / e["font_px"] if runs else 0
    if DEBUG:
        print(e["id"], round(stroke, 3), sorted(runs)[len(runs) // 4 :: len(runs) // 8 or 1], file=sys.stderr)
    # The line's ink: the widest run of columns with ink, gaps narrower than a space
    # bridged (a neighbour's ink reaching into the box stays apart).
    best, span = (x0, x0), None
    for x in sorted(cols):
        if span and x - span[1] <= 0.6 * e["font_px"]:
            span = (span[0], x)
        else:
            span = (x, x)
        if span[1] - span[0] > best[1] - best[0]:
            best = span
    left, right = best[0] - x0, x0 + w - 1 - best[1]
    if left > 6 and right > 6 and abs(left - right) <= max(4, w // 40):
        align = "center"
    elif left < right:
        align = "left"
    else:
        align = "right"
    top, bottom = ink_y0 - y0, y0 + h - 1 - ink_y1
    centred = top > e["line_px"] // 4 and bottom > e["line_px"] // 4 and abs(top - bottom) <= 6
    valign = "center" if e["role"] == "button" or centred else "start"
    return {"fg": fg, "bold": stroke >= 0.12, "align": align, "valign": valign}


# ---- the page --------------------------------------------------------------------------

DEBUG = False
FONTS = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Ethiopic', 'DejaVu Sans', sans-serif"


def page(dump, shot):
    out = []
    bg_page = shot.px(1, 1)
    for e in dump["elements"]:
        if e["w"] <= 0 or e["h"] <= 0:
            continue
        x, y, w, h = e["x"], e["y"], e["w"], e["h"]
        style = f"left:{x}px;top:{y}px;width:{w}px;height:{h}px"
        bg = None
        if e["role"] in ("box", "button"):
            bg = fill_colour(shot, e)
            r = corner_radius(shot, e, bg)
            style += f";background:{hexcol(bg)}" + (f";border-radius:{r}px" if r else "")
            out.append(f'<div id="{html.escape(e["id"])}" style="{style}"></div>')
        if e["role"] == "icon":
            uri = base64.b64encode(shot.crop_png(x, y, w, h)).decode()
            out.append(f'<img style="{style}" alt="" src="data:image/png;base64,{uri}">')
        lines = e.get("lines") or []
        if not lines:
            continue
        tx, ty, tw, th, icon = text_rect(e)
        if icon:
            ix, iy, s = icon
            uri = base64.b64encode(shot.crop_png(ix, iy, s, s)).decode()
            out.append(
                f'<img style="left:{ix}px;top:{iy}px;width:{s}px;height:{s}px" alt="" '
                f'src="data:image/png;base64,{uri}">'
            )
        under = bg if bg else dominant(shot, x, y, w, h)
        a = analyse_text(shot, e, under, (tx, ty, tw, th))
        if not a:
            continue
        css = (
            f"left:{tx}px;top:{ty}px;width:{tw}px;height:{th}px;color:{hexcol(a['fg'])};"
            f"font-size:{e['font_px']}px;line-height:{e['line_px']}px;"
            f"font-weight:{700 if a['bold'] else 400};text-align:{a['align']};"
            f"justify-content:{'center' if a['valign'] == 'center' else 'flex-start'}"
        )
        body = "".join(f"<div>{html.escape(t)}</div>" for t in lines)
        out.append(f'<div class="t" dir="auto" style="{css}">{body}</div>')
    head = (
        "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\"><head><meta charset=\"utf-8\">"
        "<title>Lotse</title><style>\n"
        "html,body{margin:0;padding:0;overflow:hidden}\n"
        "body{width:%dpx;height:%dpx;position:relative;background:%s;font-family:%s}\n"
        "body>*{position:absolute;box-sizing:border-box}\n"
        ".t{display:flex;flex-direction:column;white-space:nowrap}\n"
        "</style></head><body>\n"
        % (dump["lang"], dump["dir"], dump["width"], dump["height"], hexcol(bg_page), FONTS)
    )
    return head + "\n".join(out) + "\n</body></html>\n"


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: home_html.py DUMP.json SCREENSHOT.png OUT.html")
    with open(sys.argv[1], encoding="utf-8") as f:
        dump = json.load(f)
    shot = Shot(sys.argv[2])
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(page(dump, shot))


if __name__ == "__main__":
    main()
