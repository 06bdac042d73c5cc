#!/usr/bin/env python3
"""Writes Sources/Charts/World/WorldOutlines.swift: every country's outline from Natural Earth's
1:110m "Admin 0 - Countries" (public domain), projected with Equal Earth, simplified and rounded,
as SVG path data keyed by ISO 3166-1 alpha-2.

The outlines come from the `naturalearth_lowres` dataset inside the PyPI wheel of
geopandas==0.14.4 (downloaded with pip into .build-tools/wheels/ when missing); alpha-3 codes are
turned into alpha-2 with Sources/OutageData/CountryTable.swift (itself generated from Debian's
iso-codes), so the map knows exactly the countries the archive knows. A country too small for
the 1:110m outlines (Tonga, Bahrain, Singapore, most territories) gets a marker instead, placed at
the coordinates the time zone database gives its first zone (tzdata's zone.tab, public domain).

    python3 Tests/Tools/generate-world-map.py            # write the table
    python3 Tests/Tools/generate-world-map.py --check    # exit 1 when the committed table differs

Nothing here is random and no library beyond Python's own is used, so the output is the same on
every machine: a test runs --check.
"""

import glob
import math
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
OUTPUT = ROOT / "Sources" / "Charts" / "World" / "WorldOutlines.swift"
WHEELS = ROOT / ".build-tools" / "wheels"
WHEEL = "geopandas==0.14.4"
DATASET = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
COUNTRIES = ROOT / "Sources" / "OutageData" / "CountryTable.swift"
ZONE_TAB = "/usr/share/zoneinfo/zone.tab"

# Drawn width of the map in SVG units; the height follows from the projection and the crop.
WIDTH = 1000
# Antarctica and the sea around it hold no outage and would take a fifth of the height.
SOUTHERN_LIMIT = -58.0
# Douglas-Peucker tolerance, in SVG units (a thousandth of the width: below a pixel on a phone).
TOLERANCE = 0.6
# Rings smaller than this area (square SVG units) after simplification are dropped: specks of
# islands that would draw as dots; their country keeps its larger rings.
MIN_RING_AREA = 1.0

# Natural Earth draws these apart from the ISO country that holds them; the archive, keyed by
# ISO 3166-1 like every other list of countries here, draws them as part of it.
JOINED = {"CYN": "CYP", "SOL": "SOM"}


def wheel_path() -> Path:
    found = sorted(glob.glob(str(WHEELS / "geopandas-0.14.4-*.whl")))
    if found:
        return Path(found[0])
    WHEELS.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(WHEELS), WHEEL],
                   check=True)
    return Path(sorted(glob.glob(str(WHEELS / "geopandas-0.14.4-*.whl")))[0])


def read_dbf(data: bytes, encoding: str) -> list:
    """The records of a dBASE III table, each a dict of its fields as stripped text."""
    count = struct.unpack("<I", data[4:8])[0]
    header_length, record_length = struct.unpack("<HH", data[8:12])
    fields, offset = [], 32
    while data[offset] != 0x0D:
        name = data[offset:offset + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[offset + 16]))
        offset += 32
    records = []
    for index in range(count):
        start = header_length + index * record_length
        record, position = {}, start + 1  # the first byte is the deletion flag
        for name, length in fields:
            record[name] = data[position:position + length].decode(encoding).strip()
            position += length
        records.append(record)
    return records


def read_shp(data: bytes) -> list:
    """The polygons of a shapefile, in record order: each a list of rings of (lon, lat)."""
    shapes, offset = [], 100
    while offset < len(data):
        _, length = struct.unpack(">ii", data[offset:offset + 8])
        content = data[offset + 8:offset + 8 + length * 2]
        offset += 8 + length * 2
        shape_type = struct.unpack("<i", content[0:4])[0]
        if shape_type == 0:
            shapes.append([])
            continue
        if shape_type != 5:
            raise SystemExit(f"unexpected shape type {shape_type}")
        parts_count, points_count = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{parts_count}i", content[44:44 + 4 * parts_count]))
        points_at = 44 + 4 * parts_count
        coordinates = struct.unpack(f"<{2 * points_count}d", content[points_at:points_at + 16 * points_count])
        points = [(coordinates[2 * i], coordinates[2 * i + 1]) for i in range(points_count)]
        bounds = parts + [points_count]
        shapes.append([points[bounds[i]:bounds[i + 1]] for i in range(parts_count)])
    return shapes


# Equal Earth (Šavrič, Patterson and Jenny, 2018), on the unit sphere.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple:
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * math.radians(lon) * math.cos(theta) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180, 0)[0]
Y_TOP = equal_earth(0, 90)[1]
Y_BOTTOM = equal_earth(0, SOUTHERN_LIMIT)[1]
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = math.ceil((Y_TOP - Y_BOTTOM) * SCALE)


def to_svg(lon: float, lat: float) -> tuple:
    x, y = equal_earth(lon, max(lat, SOUTHERN_LIMIT))
    return (x + X_MAX) * SCALE, (Y_TOP - y) * SCALE


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker on a closed ring (first point repeated last), iteratively."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm > 0 else math.hypot(px - ax, py - ay)
            if d > distance:
                farthest, distance = i, d
        if farthest >= 0:
            keep[farthest] = True
            stack.append((first, farthest))
            stack.append((farthest, last))
    return [p for p, k in zip(points, keep) if k]


def area(ring: list) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))) / 2


def number(value: float) -> str:
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def path_data(rings: list) -> str:
    """Rings as SVG path data: absolute first point, then relative steps (smaller), closed."""
    pieces = []
    for ring in rings:
        rounded = [(round(x, 1), round(y, 1)) for x, y in ring[:-1]]
        deduplicated = [p for i, p in enumerate(rounded) if i == 0 or p != rounded[i - 1]]
        if len(deduplicated) < 3:
            continue
        x0, y0 = deduplicated[0]
        steps = [f"M{number(x0)} {number(y0)}"]
        previous = (x0, y0)
        relative = []
        for x, y in deduplicated[1:]:
            relative.append(f"{number(x - previous[0])} {number(y - previous[1])}")
            previous = (x, y)
        pieces.append(steps[0] + "l" + " ".join(relative) + "z")
    return "".join(pieces)


def zone_coordinates() -> dict:
    """The coordinates of each country's first zone in zone.tab, as (lon, lat) in degrees."""
    found = {}
    for line in open(ZONE_TAB, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        code, coordinates = line.split("\t")[:2]
        if code in found:
            continue
        # ±DDMM±DDDMM or ±DDMMSS±DDDMMSS
        match = re.fullmatch(r"([+-])(\d{2})(\d{2})(\d{2})?([+-])(\d{3})(\d{2})(\d{2})?", coordinates)
        if not match:
            raise SystemExit(f"{ZONE_TAB}: cannot read {coordinates!r}")
        sign_lat, d_lat, m_lat, s_lat, sign_lon, d_lon, m_lon, s_lon = match.groups()
        lat = int(d_lat) + int(m_lat) / 60 + int(s_lat or 0) / 3600
        lon = int(d_lon) + int(m_lon) / 60 + int(s_lon or 0) / 3600
        found[code] = (-lon if sign_lon == "-" else lon, -lat if sign_lat == "-" else lat)
    return found


def generate() -> str:
    wheel = zipfile.ZipFile(wheel_path())
    # The .cpg file names the table's text encoding (ISO-8859-1 in this release).
    records = read_dbf(wheel.read(DATASET + ".dbf"), wheel.read(DATASET + ".cpg").decode("ascii").strip())
    shapes = read_shp(wheel.read(DATASET + ".shp"))
    alpha2_of = {alpha3: alpha2 for alpha2, alpha3 in
                 re.findall(r'Country\(alpha2: "([A-Z]{2})", alpha3: "([A-Z]{3})"', COUNTRIES.read_text(encoding="utf-8"))}
    rings_by_code, skipped = {}, []
    for record, rings in zip(records, shapes):
        alpha3 = JOINED.get(record["iso_a3"], record["iso_a3"])
        if record["continent"] == "Antarctica":
            continue
        code = alpha2_of.get(alpha3)
        if code is None:
            skipped.append(record["name"])
            continue
        for ring in rings:
            projected = simplify([to_svg(lon, lat) for lon, lat in ring], TOLERANCE)
            if len(projected) >= 4 and area(projected) >= MIN_RING_AREA:
                rings_by_code.setdefault(code, []).append(projected)
    zones = zone_coordinates()
    markers, unplaced = {}, []
    for code in sorted(set(alpha2_of.values()) - set(rings_by_code)):
        if code in zones:
            markers[code] = to_svg(*zones[code])
        else:
            unplaced.append(code)
    lines = [
        "// Generated by Tests/Tools/generate-world-map.py: do not edit.",
        "// Source: Natural Earth 1:110m Admin 0 - Countries (public domain, naturalearthdata.com), as the",
        "// naturalearth_lowres dataset in the PyPI wheel geopandas==0.14.4; alpha-2 codes from CountryTable.swift.",
        f"// Equal Earth projection, {WIDTH} units wide, cropped at {SOUTHERN_LIMIT:g}° (no Antarctica); simplified",
        f"// (Douglas-Peucker, {TOLERANCE:g} units), rounded to 0.1. N. Cyprus is drawn with CY and Somaliland with SO;",
        "// left out, having no ISO 3166-1 code: " + ", ".join(sorted(skipped)) + ".",
        "// Countries without an outline are markers at their first zone in tzdata's zone.tab (public domain);",
        "// with neither: " + ", ".join(unplaced) + ".",
        "// Regenerate from the repository root with: python3 Tests/Tools/generate-world-map.py",
        "",
        "/// Country outlines for the maps, as SVG path data by ISO 3166-1 alpha-2 code.",
        "package enum WorldOutlines {",
        f"    package static let width = {WIDTH}",
        f"    package static let height = {HEIGHT}",
        "",
        f"    /// The {len(rings_by_code)} countries large enough for the 1:110m outlines, sorted by code.",
        "    package static let paths: [String: String] = [",
    ]
    for code in sorted(rings_by_code):
        lines.append(f'        "{code}": "{path_data(rings_by_code[code])}",')
    lines += [
        "    ]",
        "",
        "    /// The box around each outline (its largest ring's, so a far-off island does not stretch",
        "    /// it; the mainland is what a locator map shows), for locator maps to zoom to.",
        "    package static let boxes: [String: MapBox] = [",
    ]
    for code in sorted(rings_by_code):
        largest = max(rings_by_code[code], key=area)
        xs, ys = [x for x, _ in largest], [y for _, y in largest]
        lines.append(f'        "{code}": MapBox(minX: {number(min(xs))}, minY: {number(min(ys))}, maxX: {number(max(xs))}, maxY: {number(max(ys))}),')
    lines += [
        "    ]",
        "",
        f"    /// The {len(markers)} countries too small for the outlines, as points, sorted by code.",
        "    package static let markers: [String: MapPoint] = [",
    ]
    for code, (x, y) in sorted(markers.items()):
        lines.append(f'        "{code}": MapPoint(x: {number(x)}, y: {number(y)}),')
    lines += [
        "    ]",
        "}",
        "",
        "/// A rectangle on the map, in its SVG units.",
        "package struct MapBox: Sendable, Equatable {",
        "    package let minX: Double",
        "    package let minY: Double",
        "    package let maxX: Double",
        "    package let maxY: Double",
        "}",
        "",
        "/// A place on the map, in its SVG units.",
        "package struct MapPoint: Sendable, Equatable {",
        "    package let x: Double",
        "    package let y: Double",
        "}",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    text = generate()
    if "--check" in sys.argv[1:]:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} differs from what Tests/Tools/generate-world-map.py writes; rerun it",
                  file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
