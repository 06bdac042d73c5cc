#!/usr/bin/env python3
"""Phones, tablets and laptops: the example archive in Chromium at 320, 360, 390, 768, 1024 and
1280 px, light and dark. Fails on sideways scroll, on targets under 24 x 24 px that have neighbours within reach
(WCAG 2.2, 2.5.8) and on text drawn inside a chart under 11 px; saves screenshots at 360 px.
`make check-site` runs it; by hand, after `make check-site` (which builds the site and installs
the tools):

    .build-check/venv/bin/python Tests/Tools/small_screens.py [--site .build-check/served] [--screenshots DIR]
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from check_site import RESULTS, browser, record, serve, settle  # noqa: E402

# Pages that have charts: a page of them that shows no chart text fails.
CHART_PAGES = {"home", "incident-with-charts", "incident-with-crowded-events", "timeline", "country"}

SMALL_SCREEN_PAGES = {
    "home": "",
    "incident-with-charts": "incidents/north-korea/",
    "incident-with-crowded-events": "incidents/egypt/",
    "timeline": "timeline/",
    "country": "countries/sd/",
    "countries": "countries/",
    "search": "search/?country=Sudan",
}

# Every target the page can be operated with, checked against WCAG 2.2's 2.5.8 (minimum target
# size): at least 24 by 24 CSS px, unless it is a link inside a sentence or block of text, or it
# is spaced: a 24 px circle on its centre touches no other target (nor another small target's
# circle). A box inside a label counts as the label, which is what a finger hits. Also measures
# sideways scroll and the smallest text drawn inside charts (hidden drawings have no box).
SMALL_SCREEN_JS = """
// What a reader can open (the plotted numbers, the map's table, filters) is measured open.
for (const d of document.querySelectorAll('details')) d.open = true;
const targets = [];
for (const e of document.querySelectorAll('a[href], button, summary, input, select, textarea')) {
  if (e.closest('svg')) continue;
  const hit = (e.tagName === 'INPUT' && e.closest('label')) || e;
  const r = hit.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || !hit.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) continue;
  const block = e.closest('p, li, td, dd, figcaption, th');
  const inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline' && block
    && block.textContent.trim().length > e.textContent.trim().length + 2;
  targets.push({name: (hit.tagName + ' ' + hit.textContent.trim().slice(0, 30)).trim(), inline,
                x: r.left + r.width / 2, y: r.top + r.height / 2, r});
}
const problems = [];
for (const t of targets) {
  if (t.inline || (t.r.width >= 24 && t.r.height >= 24)) continue;
  const crowded = targets.some(o => {
    if (o === t) return false;
    const small = o.r.width < 24 || o.r.height < 24;
    if (small && !o.inline) return Math.hypot(o.x - t.x, o.y - t.y) < 24;
    const dx = Math.max(o.r.left - t.x, 0, t.x - o.r.right), dy = Math.max(o.r.top - t.y, 0, t.y - o.r.bottom);
    return Math.hypot(dx, dy) < 12;
  });
  if (crowded) problems.push(t.name + ' (' + t.r.width.toFixed(0) + 'x' + t.r.height.toFixed(0) + ')');
}
let chartText = Infinity, chartTextName = '';
for (const t of document.querySelectorAll('svg text')) {
  const m = t.getScreenCTM(); const box = t.getBoundingClientRect();
  if (!m || box.width === 0) continue;
  const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
  if (size < chartText) { chartText = size; chartTextName = t.closest('svg').id + ' "' + t.textContent.trim().slice(0, 30) + '"'; }
}
// Each chart is drawn wide and narrow: exactly one of the two shows.
const pairs = [];
for (const narrow of document.querySelectorAll('svg[id$="-n"]')) {
  const wide = document.getElementById(narrow.id.slice(0, -2));
  const shown = [wide, narrow].filter(s => s && s.getBoundingClientRect().width > 0).length;
  if (shown !== 1) pairs.push(narrow.id.slice(0, -2) + ': ' + shown + ' drawings shown');
}
return {sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth, problems,
        chartText: chartText === Infinity ? null : chartText, chartTextName, pairs};
"""


def check_small_screens(origin, folder):
    """Phones and tablets: no sideways scroll, targets large or spaced enough, chart text 11 px."""
    folder.mkdir(parents=True, exist_ok=True)
    problems = []
    smallest = {}
    for dark in (False, True):
        driver = browser(dark=dark)
        try:
            for width in (320, 360, 390, 768, 1024, 1280):
                driver.set_window_size(width, 900)
                for name, path in SMALL_SCREEN_PAGES.items():
                    driver.get(f"{origin}/archive/{path}")
                    settle(driver, path)
                    found = driver.execute_script(SMALL_SCREEN_JS)
                    if found["sideways"] > 0:
                        problems.append(f"{name} at {width} px scrolls sideways by {found['sideways']} px")
                    for target in found["problems"]:
                        problems.append(f"{name} at {width} px: a target under 24 x 24 px with neighbours within reach: {target}")
                    problems += [f"{name} at {width} px: {pair}" for pair in found["pairs"]]
                    if found["chartText"] is None and name in CHART_PAGES:
                        problems.append(f"{name} at {width} px: no chart text shows")
                    if found["chartText"] is not None:
                        smallest[width] = min(smallest.get(width, 99), found["chartText"])
                        if found["chartText"] < 11:
                            problems.append(f"{name} at {width} px: chart text {found['chartText']:.1f} px, under 11: {found['chartTextName']}")
                    if width == 360:
                        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
                        driver.set_window_size(width, max(800, height))
                        driver.save_screenshot(str(folder / f"{name}-360-{'dark' if dark else 'light'}.png"))
                        driver.set_window_size(width, 900)
        finally:
            driver.quit()
    print("     smallest chart text: " + ", ".join(f"{w} px wide {t:.1f} px" for w, t in sorted(smallest.items())))
    record(f"[subpath] at 320, 360, 390, 768, 1024 and 1280 px, light and dark: no sideways scroll, targets at least 24 px or spaced "
           f"(WCAG 2.5.8), chart text at least 11 px; screenshots at 360 px in {folder}", sorted(set(problems)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=Path(".build-check/served"), help="folder that holds archive/")
    parser.add_argument("--screenshots", type=Path, default=Path("public-screenshots/small-screens"))
    args = parser.parse_args()
    with serve(args.site.resolve()) as origin:
        check_small_screens(origin, args.screenshots)
    return 1 if any(problems for _, problems in RESULTS) else 0


if __name__ == "__main__":
    sys.exit(main())
