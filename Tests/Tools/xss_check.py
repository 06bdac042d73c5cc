#!/usr/bin/env python3
"""XSS in a real browser (make check-site): the fixture Tests/Fixtures/sites/xss carries payloads
in every user-supplied value; none of them may run.

Every payload, if it ran, would append its id to window.__xss and set document.title to
"XSS-<id>"; ids name the field they were put in ("inc.title.img": the incident title, the
<img onerror> vector). Ids starting "md-" come from Markdown (writeups, timeline text), where
raw HTML is the author's to allow with unsafe_html: true.

The fixture is built twice, as it is (unsafe_html: false) and with unsafe_html: true, served on
loopback, and every HTML page, standalone SVG and XML file is opened in headless Chromium with
JavaScript on. On each the checker waits, dispatches mouse and focus events to every element,
then asserts:

- window.__xss is undefined and document.title does not start with "XSS" (with unsafe_html:
  true, ids from Markdown may run; nothing else may);
- no element carries an event-handler attribute, a javascript:/vbscript:/data: URL (as the
  browser resolves it), a script other than JSON-LD, an iframe/object/embed or a meta refresh,
  and no style names a payload (again: Markdown ids excepted with unsafe_html: true);
- every JSON-LD block parses as JSON, every XML and SVG file is well-formed, every JSON file parses;
- the raw-HTML marker of the incident writeup is in the DOM with unsafe_html: true only, and the
  writeup's own <script> (the positive control) runs with unsafe_html: true only, which shows
  that the harness sees a payload that does run.

It also builds Tests/Fixtures/sites/xss-invalid, whose every line marked "# REJECT" holds a
value validation must refuse (a javascript: source URL, a hostile language tag, …): the build
must fail with an error on each of those lines.

    xss_check.py --bin .build/debug/blackout            # the check
    xss_check.py --bin .build/debug/blackout --self-test

--self-test builds the fixture with a template that inserts the title unescaped ({{{title}}})
and passes only when the check reports that as XSS, naming the title's payloads.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_site import browser, serve  # noqa: E402  (same folder; main() is not run on import)

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "Tests/Fixtures/sites/xss"
INVALID_FIXTURE = REPO / "Tests/Fixtures/sites/xss-invalid"
THEME = REPO / "templates"

# A payload's id, wherever it shows up: "/inc.title.img/.source" or "XSS-inc.title.img".
ID = r"((?:md-)?[a-z0-9]+(?:[.-][a-z0-9]+)*)"
ID_PATTERN = re.compile(r"/" + ID + r"/\.source|XSS-" + ID)

# Runs in the page after it loaded: fire the events inline handlers listen to, on every element.
TRIGGER = r"""
const events = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'focus', 'focusin',
                'blur', 'focusout', 'pointerover', 'pointerenter', 'keydown', 'input', 'change',
                'toggle', 'animationstart', 'transitionend', 'load', 'error', 'begin'];
for (const el of Array.from(document.querySelectorAll('*'))) {
  for (const name of events) {
    try { el.dispatchEvent(new Event(name, {bubbles: false})); } catch (e) {}
  }
  try { if (typeof el.focus === 'function') el.focus(); } catch (e) {}
}
"""

# Runs in the page: what a payload left behind, and markup that could run one later (a click).
INSPECT = r"""
const found = [];
const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster',
                       'background', 'codebase', 'srcset', 'cite', 'ping', 'manifest'];
const safeData = /^\s*data:image\/(png|gif|jpeg|webp)[;,]/i;
for (const el of Array.from(document.querySelectorAll('*'))) {
  const tag = el.localName.toLowerCase();
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (name.startsWith('on')) found.push(['event handler', `<${tag} ${name}>`, attr.value]);
    if (name === 'srcdoc') found.push(['srcdoc', `<${tag} srcdoc>`, attr.value]);
    if (name === 'style' && /xss|javascript:|expression\(|url\(/i.test(attr.value)) found.push(['style attribute', `<${tag} style>`, attr.value]);
    if (urlAttributes.includes(name)) {
      let protocol = '';
      try { protocol = new URL(attr.value, document.baseURI).protocol; } catch (e) {}
      if (protocol === 'javascript:' || protocol === 'vbscript:' || (protocol === 'data:' && !safeData.test(attr.value)))
        found.push(['URL', `<${tag} ${name}="${protocol}…">`, attr.value]);
    }
  }
  if (tag === 'script' && el.getAttribute('type') !== 'application/ld+json') found.push(['script element', '<script>', el.textContent]);
  if (['iframe', 'frame', 'object', 'embed', 'applet', 'portal', 'foreignobject'].includes(tag)) found.push(['element', `<${tag}>`, el.outerHTML.slice(0, 300)]);
  if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || '')) found.push(['meta refresh', '<meta>', el.outerHTML]);
  if (tag === 'style' && /xss|javascript:|expression\(/i.test(el.textContent)) found.push(['style element', '<style>', el.textContent.slice(0, 300)]);
}
for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
  try { JSON.parse(s.textContent); } catch (e) { found.push(['JSON-LD', 'does not parse', String(e) + ': ' + s.textContent.slice(0, 200)]); }
}
const marker = document.querySelector('.raw-html-marker, .raw-html-marker-block');
return {ran: window.__xss === undefined ? null : Array.from(window.__xss).map(String), title: String(document.title),
        found: found, marker: marker !== null,
        mustache: document.querySelector('h1') ? document.querySelector('h1').textContent.includes('{{xss-mustache}}{{{site.title}}}') : null};
"""


def ids_in(text):
    return sorted({a or b for a, b in ID_PATTERN.findall(text)})


def allowed(identifier, unsafe):
    """Markdown payloads are the author's own raw HTML when unsafe_html is on."""
    return unsafe and identifier.startswith("md-")


def build(binary, site, output):
    run = subprocess.run([str(binary), "build", "--site", str(site), "--output", str(output), "--quiet"],
                         capture_output=True, text=True)
    return run.returncode, run.stderr


def pages_of(site):
    """Every HTML page, every standalone SVG (charts included, theme icon included) and the XML
    files: all of them are documents a browser runs scripts in."""
    files = sorted(site.rglob("*.html")) + sorted(site.rglob("*.svg")) + sorted(site.rglob("*.xml"))
    return [p.relative_to(site).as_posix() for p in files]


def check_build(label, site, unsafe, expect_control):
    """Opens every page of one build; returns (problems, pages checked, ids that ran anywhere)."""
    problems = []
    ran_anywhere = set()
    marker_pages = []
    control_pages = []
    mustache_seen = False
    pages = pages_of(site)
    driver = browser()
    try:
        with serve(site) as origin:
            for relative in pages:
                try:
                    driver.get(f"{origin}/{relative}")
                    time.sleep(0.25)  # an <img onerror> fires after load
                    driver.execute_script(TRIGGER)
                    time.sleep(0.1)
                    state = driver.execute_script(INSPECT)
                except Exception as error:  # a page that breaks the browser is a failure too
                    problems.append(f"{relative}: the browser failed: {str(error).splitlines()[0][:200]}")
                    continue
                ran = state["ran"] or []
                ran_anywhere.update(ran)
                for identifier in sorted(set(ran)):
                    if identifier == "md-control":
                        control_pages.append(relative)
                    if not allowed(identifier, unsafe):
                        problems.append(f"{relative}: payload {identifier} ran (window.__xss)")
                title = state["title"]
                if title.startswith("XSS"):
                    identifier = title[4:]
                    if not allowed(identifier, unsafe):
                        problems.append(f"{relative}: payload {identifier or '?'} ran (document.title is {title[:80]!r})")
                for kind, where, value in state["found"]:
                    found_ids = ids_in(value)
                    if found_ids and all(allowed(i, unsafe) for i in found_ids):
                        continue
                    problems.append(f"{relative}: {kind} {where} from {', '.join(found_ids) or 'no known payload'}: {value[:160]!r}")
                if state["marker"]:
                    marker_pages.append(relative)
                if state["mustache"]:
                    mustache_seen = True
                print(f"     {label}: {relative}: {len(state['found'])} finding(s), ran: {', '.join(sorted(set(ran))) or 'nothing'}")
                sys.stdout.flush()
    finally:
        driver.quit()
    # A payload that broke out of XML escaping (an unescaped "<", a "]]>") or JSON escaping
    # leaves the file malformed even when nothing runs.
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        try:
            if path.suffix in (".xml", ".svg"):
                ET.parse(path)
            elif path.suffix == ".json":
                json.loads(path.read_text())
        except (ET.ParseError, ValueError) as error:
            problems.append(f"{relative}: not well-formed: {error}")
    bundle = "incidents/bundle/index.html"
    if unsafe:
        if bundle not in marker_pages:
            problems.append(f"{bundle}: the raw-HTML marker of the writeup is missing with unsafe_html: true")
    elif marker_pages:
        problems.append(f"the raw-HTML marker is in the DOM with unsafe_html: false: {', '.join(marker_pages)}")
    if expect_control and bundle not in control_pages:
        problems.append(f"{bundle}: the positive control (the writeup's own <script>, md-control) did not run "
                        "with unsafe_html: true, so the harness may not see payloads that do run")
    if not mustache_seen:
        problems.append(f"{bundle}: the literal {{{{xss-mustache}}}}{{{{{{site.title}}}}}} of the title is not in its <h1>")
    return problems, len(pages), ran_anywhere


def coverage(fixture, outputs):
    """Which payload ids of the fixture reach any output file (information, not a check:
    validation legitimately drops some, such as a colour that is not a colour)."""
    planted = set()
    for path in fixture.rglob("*"):
        if path.is_file():
            planted.update(ids_in(path.read_text(errors="replace")))
    reached = set()
    for output in outputs:
        for path in output.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".svg", ".xml", ".json", ".csv"):
                reached.update(ids_in(path.read_text(errors="replace")))
    return planted, reached


def check_invalid(binary, work):
    """Values validation must refuse: an error on every line marked # REJECT, and exit code 1."""
    expected = set()
    for path in sorted(INVALID_FIXTURE.rglob("*")):
        if path.is_file():
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if re.search(r"#\s*REJECT\s*$", line):
                    expected.add((path.relative_to(INVALID_FIXTURE).as_posix(), number))
    status, stderr = build(binary, INVALID_FIXTURE, work / "invalid-out")
    reported = {(m.group(1), int(m.group(2)))
                for m in re.finditer(r"^(\S+?):(\d+):(?:\d+:)? error:", stderr, re.MULTILINE)}
    problems = []
    if status != 1:
        problems.append(f"the build exited with {status}, not 1")
    for file, line in sorted(expected - reported):
        problems.append(f"{file}:{line}: no error reported for this hostile value")
    if (work / "invalid-out").exists():
        problems.append("the failed build wrote its output folder")
    return problems, len(expected)


def unsafe_copy(work):
    site = work / "xss-unsafe"
    shutil.copytree(FIXTURE, site)
    config = site / "site.yml"
    text = config.read_text()
    assert "unsafe_html: false" in text
    config.write_text(text.replace("unsafe_html: false", "unsafe_html: true"))
    return site


def report(name, problems):
    if problems:
        print(f"FAIL {name}: {len(problems)} problem(s)")
        for problem in problems[:60]:
            print(f"     {problem}")
        if len(problems) > 60:
            print(f"     … and {len(problems) - 60} more")
    else:
        print(f"PASS {name}")
    sys.stdout.flush()
    return not problems


def run_check(binary, work):
    results = []
    outputs = []
    for label, unsafe in (("safe", False), ("unsafe", True)):
        site = FIXTURE if not unsafe else unsafe_copy(work)
        output = work / f"out-{label}"
        status, stderr = build(binary, site, output)
        if status != 0:
            results.append(report(f"[{label}] the XSS fixture builds (unsafe_html: {str(unsafe).lower()})",
                                  [f"exit {status}"] + stderr.splitlines()[:20]))
            continue
        outputs.append(output)
        problems, count, ran = check_build(label, output, unsafe, expect_control=unsafe)
        what = ("no payload runs" if not unsafe else
                "only Markdown payloads run (" + ", ".join(sorted(ran)) + "); none from front matter, datasets, site.yml, CSV")
        results.append(report(f"[{label}] unsafe_html: {str(unsafe).lower()}: {count} pages, SVG and XML files "
                              f"opened in Chromium: {what}; raw-HTML marker {'present' if unsafe else 'absent'}", problems))
    planted, reached = coverage(FIXTURE, outputs)
    print(f"     {len(planted)} payload placements planted; {len(planted & reached)} reach the output; "
          f"left out by validation or Markdown's safe mode: {', '.join(sorted(planted - reached)) or 'none'}")
    problems, count = check_invalid(binary, work)
    results.append(report(f"[invalid] {count} hostile values that validation must reject are build errors", problems))
    return all(results)


def run_self_test(binary, work):
    """The check must catch a real XSS: a theme that inserts the incident title unescaped."""
    site = work / "xss-broken-theme"
    shutil.copytree(FIXTURE, site)
    (site / "templates").mkdir(exist_ok=True)
    template = (THEME / "incident.mustache").read_text()
    assert "<h1>{{title}}</h1>" in template, "the incident template changed: update the self-test"
    (site / "templates" / "incident.mustache").write_text(template.replace("<h1>{{title}}</h1>", "<h1>{{{title}}}</h1>"))
    output = work / "out-self-test"
    status, stderr = build(binary, site, output)
    if status != 0:
        return report("[self-test] the fixture with a {{{title}}} template builds", [f"exit {status}"] + stderr.splitlines()[:20])
    problems, count, ran = check_build("self-test", output, unsafe=False, expect_control=False)
    caught = sorted({i for i in ran if i.startswith("inc.title.")})
    named = [p for p in problems if "inc.title." in p]
    print(f"     self-test: the check reported {len(problems)} problem(s); payloads that ran: {', '.join(sorted(ran)) or 'none'}")
    for problem in named[:5]:
        print(f"     self-test saw: {problem}")
    failures = []
    if not caught or not named:
        failures.append("the check did not report the unescaped title ({{{title}}}) as XSS")
    # Only incident pages use the broken template: anything reported elsewhere is a false alarm.
    others = [p for p in problems if not re.match(r"incidents/(?!page/)[^/]+/index\.html: ", p)]
    if others:
        failures += ["reported on a page the broken template does not make: " + p for p in others[:10]]
    pages = sorted({p.split(":")[0] for p in problems})
    return report(f"[self-test] a template with {{{{{{title}}}}}} is caught: {len(problems)} problem(s) on "
                  f"{len(pages)} incident pages, the bundle's naming {', '.join(caught) or 'nothing'}", failures)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=str(REPO / ".build/debug/blackout"), help="the blackout binary")
    parser.add_argument("--self-test", action="store_true", help="show that the check catches a real XSS")
    parser.add_argument("--keep", action="store_true", help="keep the temporary builds and print where")
    args = parser.parse_args()
    binary = Path(args.bin).resolve()
    work = Path(tempfile.mkdtemp(prefix="xss-check-"))
    try:
        ok = run_self_test(binary, work) if args.self_test else run_check(binary, work)
    finally:
        if args.keep:
            print(f"     builds kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(f"xss-check{' self-test' if args.self_test else ''}: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
