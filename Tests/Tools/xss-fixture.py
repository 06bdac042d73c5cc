#!/usr/bin/env python3
"""Writes the XSS fixture site, Tests/Fixtures/sites/xss, that Tests/Tools/xss_check.py opens
in Chromium. The fixture is committed; run this after changing a payload and commit both:

    python3 Tests/Tools/xss-fixture.py Tests/Fixtures/sites/xss

J(id) is what a payload runs: it appends id to window.__xss and sets document.title to
"XSS-<id>". P(field) puts every vector at once into one value, each vector with its own id
("inc.title.img"). Ids starting "md-" are in Markdown, where unsafe_html: true lets raw HTML run.
"""
import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "../Fixtures/sites/xss")


def J(i):
    return f"window.__xss=(window.__xss||[]).concat(/{i}/.source);document.title=/XSS-{i}/.source"
def P(f):
    """Every vector at once, each with its own id under field id f."""
    return (f"{f} <script>{J(f+'.script')}</script>"
            f"<img src=x onerror={J(f+'.img')}>"
            f"\" onmouseover=\"{J(f+'.dq')}\" x=\""
            f"' onmouseover='{J(f+'.sq')}' x='"
            f"'><script>{J(f+'.sqbreak')}</script>"
            f"</title></textarea></style></script><script>{J(f+'.close')}</script>"
            f"<svg onload={J(f+'.svg')}>"
            f"]]><script xmlns=\"http://www.w3.org/1999/xhtml\">{J(f+'.cdata')}</script>"
            "{{xss-mustache}}{{{site.title}}}"
            "\u2028\u2029"
            f"JaVaScRiPt:{J(f+'.js')}")
SQ = "'"
def q(s):  # a YAML double-quoted scalar (JSON strings are YAML)
    return json.dumps(s)
def w(path, text):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        fh.write(text)

# ---------------------------------------------------------------------------------------------
w("site.yml", f"""# XSS fixture (Tests/Tools/xss_check.py): every user-supplied value carries payloads that, if they
# ever ran, would append an id to window.__xss and set document.title to "XSS-<id>". Ids name the
# field; ids starting "md-" come from Markdown and may run only with unsafe_html: true.
title: {q(P('site.title'))}
description: {q(P('site.description'))}
author: {q(P('site.author'))}
# A raw quote or angle bracket in base_url is an error (Tests/Fixtures/invalid/base-url-quote);
# the percent-encoded form is accepted and must never be decoded into markup.
base_url: {q('https://example.org/x%22%3E%3Cscript%3Edocument.title=%22XSS-site.base_url%22%3C/script%3E/')}
per_page: 2
unsafe_html: false
""")

# ---------------------------------------------------------------------------------------------
w("content/_index.md", f"""---
title: {q(P('home.title'))}
---

Home text {P('md-home.body').replace(chr(0x2028), '').replace(chr(0x2029), '')}

<script>{J('md-home.rawblock')}</script>
""")

BODY_LINKS = lambda p: f"""
- [js link](javascript:{J(p+'.jslink')})
- [mixed case](JaVaScRiPt:{J(p+'.mixedcase')})
- [entity encoded](&#106;avascript:{J(p+'.entity')})
- [hex entity](&#x6A;avascript:{J(p+'.hexentity')})
- [tab inside](java&#x09;script:{J(p+'.tab')})
- [vbscript](vbscript:msgbox(/{p}.vbs/.source))
- [data html](data:text/html,%3Cscript%3E{J(p+'.datahtml')}%3C/script%3E)
- [data svg](data:image/svg+xml,%3Csvg%20onload%3D{J(p+'.datasvg')}%3E)
- ![data svg image](data:image/svg+xml,%3Csvg%20onload%3D{J(p+'.datasvgimg')}%3E)
- <javascript:{J(p+'.autolink')}>
- ![image](javascript:{J(p+'.imgsrc')})
- ![image with title](x.png "{J(p+'.imgtitle')}\\" onerror=\\"{J(p+'.imgtitlebreak')}")
- [titled link](https://example.org/ "x\\" onmouseover=\\"{J(p+'.linktitle')}")
- [link with quote](https://example.org/"onmouseover="{J(p+'.hrefquote')})
"""

RAW = lambda p: f"""
<script>{J(p+'.rawscript')}</script>

<img src="x" onerror="{J(p+'.rawimg')}">

<svg><script>{J(p+'.rawsvgscript')}</script></svg>

<a href="javascript:{J(p+'.rawhref')}">raw javascript link</a>

<details open ontoggle="{J(p+'.ontoggle')}"><summary>x</summary></details>

<iframe srcdoc="&lt;script&gt;{J(p+'.srcdoc').replace('window.', 'parent.window.').replace('document.', 'parent.document.')}&lt;/script&gt;"></iframe>
"""

# ---------------------------------------------------------------------------------------------
# A bundle incident: every front-matter field, a series with hostile column names and styles.
w("content/incidents/2020-03-01-bundle/index.md", f"""---
title: {q(P('inc.title'))}
start: 2020-03-01T10:00:00Z
end: 2020-03-01T14:00:00Z
summary: {q(P('inc.summary'))}
countries: [KP]
regions: [{q(P('inc.region'))}, {q('<script>' + J('inc.region2') + '</script>')}]
asns: [131279]
networks:
  - {{ asn: 131279, name: {q(P('inc.network'))} }}
  - {{ asn: 4837, name: {q('"><img src=x onerror=' + J('inc.network2') + '>')} }}
prefixes: [175.45.176.0/22]
scope: national
cause: cable-cut
impact: total
tags:
  - {q('<script>' + J('inc.tag1') + '</script>')}
  - {q('" onmouseover="' + J('inc.tag2') + '" x="')}
  - {q("'><svg onload=" + J('inc.tag3') + ">")}
  - {q('{{xss-mustache}}')}
timezone: Asia/Pyongyang
affected: [{q(P('inc.affected'))}]
authors: [{q(P('inc.author'))}]
id: {q('<script>' + J('inc.id') + '</script>')}
updated: 2020-03-02T00:00:00Z
sources:
  - title: {q(P('inc.source.title'))}
    url: {q('https://example.org/"><script>' + J('inc.source.url') + '</script>?q=<svg/onload=' + J('inc.source.url2') + '>&x=' + SQ + 'onmouseover=' + J('inc.source.url3'))}
    publisher: {q(P('inc.source.publisher'))}
    date: 2020-03-03
  - title: CDATA and JSON-LD breakouts
    url: {q('https://example.org/]]></script><script>' + J('inc.source2.url') + '</script>')}
timeline:
  - at: 2020-03-01T10:00:00Z
    text: {q(P('md-inc.tl1'))}
    status: investigating
  - at: 2020-03-01T11:00:00Z
    text: {q('[js](javascript:' + J('md-inc.tl2.jslink') + ') <img src=x onerror=' + J('md-inc.tl2.img') + '> &lt;script&gt;' + J('inc.tl2.entity') + '&lt;/script&gt;')}
    status: identified
  - at: 2020-03-01T14:00:00Z
    text: {q('</script><script>' + J('md-inc.tl3') + '</script>' + chr(0x2028) + '</title>')}
    status: resolved
series:
  - file: series.csv
    title: {q(P('inc.series.title'))}
    note: {q(P('inc.series.note') + ' [js](javascript:' + J('inc.series.note.jslink') + ')')}
    normalize: none
    signals:
      "<script>{J('inc.column1')}</script>": {{ label: {q(P('inc.signal.label'))}, unit: {q(P('inc.signal.unit'))}, color: {q('red;}} body{{background:url(javascript:' + J('inc.color1') + ')}}')} }}
      "x\\" onmouseover=\\"{J('inc.column2')}": {{ color: {q('red" onload="' + J('inc.color2') + '" x="')} }}
  - file: other.csv
    signals:
      "]]><script>{J('inc.column3')}</script>": {{ label: {q('</text><script>' + J('inc.signal2.label') + '</script>')}, color: {q("red' onmouseover='" + J('inc.color3'))} }}
      "b": {{ color: {q('url(javascript:' + J('inc.color4') + ')')} }}
signals:
  "{{{{xss-mustache}}}}": {{ label: {q(P('inc.toplevel.signal'))} }}
---

The writeup, with a harmless raw HTML marker: <span class="raw-html-marker">raw html passed</span>

<div class="raw-html-marker-block">raw html block passed</div>

Text {P('md-inc.body').replace(chr(0x2028), '').replace(chr(0x2029), '')}

Entity text that must stay text: &lt;script&gt;{J('inc.body.entity')}&lt;/script&gt; and &lt;img src=x onerror={J('inc.body.entity2')}&gt;

<script>{J('md-control')}</script>

## Heading <img src=x onerror={J('md-inc.heading')}> " onmouseover="{J('inc.heading.attr')}

## &lt;script&gt;{J('inc.heading.entity')}&lt;/script&gt;
{BODY_LINKS('md-inc')}
{RAW('md-inc')}
""")

cols1 = ["time", f"<script>{J('inc.column1')}</script>", f"x\" onmouseover=\"{J('inc.column2')}", "{{xss-mustache}}"]
def csvcell(s):
    return '"' + s.replace('"', '""') + '"'
rows = ["2020-02-29T00:00:00Z,10,5,1"] + [f"2020-03-01T{h:02d}:00:00Z,{0 if 10 <= h < 14 else 10},{h % 3},{h}" for h in range(0, 24)]
w("content/incidents/2020-03-01-bundle/series.csv", ",".join(csvcell(c) for c in cols1) + "\n" + "\n".join(rows) + "\n")
cols2 = ["time", f"]]><script>{J('inc.column3')}</script>", "b", f"{{{{xss-mustache}}}}", f"'><svg onload={J('inc.column4')}>"]
w("content/incidents/2020-03-01-bundle/other.csv", ",".join(csvcell(c) for c in cols2) + "\n" + "\n".join(
    f"2020-03-01T{h:02d}:00:00Z,{h},{24 - h},{h % 5},{h % 2}" for h in range(0, 24)) + "\n")
w("content/incidents/2020-03-01-bundle/note.txt", "A bundle file, copied as is.\n")

# ---------------------------------------------------------------------------------------------
# A single-file incident: its summary comes from the first paragraph of the writeup.
w("content/incidents/2021-05-05-single.md", f"""---
title: {q('</title><script>' + J('single.title') + '</script>' + chr(0x2028) + '</script><script>' + J('single.title2') + '</script>')}
start: 2021-05-05
status: resolved
tags: [{q('</script><script>' + J('single.tag') + '</script>')}]
regions: [{q(']]><svg onload=' + J('single.region') + '>')}]
---

First paragraph becomes the summary: &lt;script&gt;{J('single.derived-summary')}&lt;/script&gt; &lt;img src=x onerror={J('single.derived-summary2')}&gt; &#60;svg onload={J('single.derived-summary3')}&#62; <b onmouseover="{J('md-single.body.b')}">bold</b>{chr(0x2028)}</script><script>{J('md-single.body.close')}</script>

Second paragraph. {P('md-single.body').replace(chr(0x2028), '').replace(chr(0x2029), '')}
{BODY_LINKS('md-single')}
""")

# ---------------------------------------------------------------------------------------------
w("content/pages/about.md", f"""---
title: {q(P('page.title'))}
summary: {q(P('page.summary'))}
menu: 1
---

Page body. {P('md-page.body').replace(chr(0x2028), '').replace(chr(0x2029), '')}

## Page heading " onmouseover="{J('page.heading.attr')}
{BODY_LINKS('md-page')}
{RAW('md-page')}
""")

# ---------------------------------------------------------------------------------------------
# A CSV dataset: hostile cells, plain and with strip_html.
w("content/datasets/hostile.yml", f"""source: hostile.csv
id: "{{ID}}"
title: "{{Name}} outage {{{{xss-mustache}}}}"
fields:
  start: {{ column: Start }}
  end: {{ column: End }}
  countries: {{ column: Country }}
  regions: {{ column: Region, split: ";" }}
  tags: {{ column: Tags, split: ";" }}
  affected: {{ column: Affected }}
  authors: {{ column: Authors }}
  summary: {{ column: Notes }}
  sources: {{ column: Link }}
on_invalid_row: skip
""")
header = ["ID", "Name", "Start", "End", "Country", "Region", "Tags", "Affected", "Authors", "Notes", "Link"]
def csvrow(cells):
    return ",".join(csvcell(c) for c in cells)
rows = [
    ["ds-1", P('ds1.name'), "2022-01-01T00:00:00Z", "2022-01-01T05:00:00Z", "EG",
     P('ds1.region') + ";<script>" + J('ds1.region2') + "</script>",
     "<script>" + J('ds1.tag1') + "</script>;\" onmouseover=\"" + J('ds1.tag2'),
     P('ds1.affected'), P('ds1.author'), P('ds1.notes'),
     "https://example.org/\"><script>" + J('ds1.link') + "</script>"],
    ["<script>" + J('ds2.id') + "</script>", "</title><script>" + J('ds2.name') + "</script>", "2022-02-02", "", "IR",
     "", "", "", "", "&lt;script&gt;" + J('ds2.notes.entity') + "&lt;/script&gt;",
     "javascript:" + J('ds2.link')],
    ["ds-3", "Data URL row", "2022-03-03", "2022-03-04", "SD", "", "", "", "", "data:text/html,<script>" + J('ds3.notes') + "</script>",
     "JaVaScRiPt:" + J('ds3.link')],
    ["ds-4", "vbscript row", "2022-04-04", "2022-04-05", "SD", "", "", "", "", "vbscript:msgbox(/ds4.notes/.source)",
     "vbscript:msgbox(/ds4.link/.source)"],
]
w("content/datasets/hostile.csv", csvrow(header) + "\n" + "\n".join(csvrow(r) for r in rows) + "\n")

# A JSON dataset with strip_html on: tags go, entities are decoded, and what they decode to
# is text that must still be escaped.
w("content/datasets/stripped.yml", f"""source: stripped.json
records: rows
id: "{{id}}"
title: "{{name}}"
fields:
  start: {{ column: start }}
  summary: {{ column: html, strip_html: true }}
  regions: {{ column: region, strip_html: true }}
  tags: {{ column: tags }}
  affected: {{ column: affected, strip_html: true }}
  sources: {{ column: links }}
on_invalid_row: skip
""")
records = [
    {"id": "js-1", "name": P('json1.name'), "start": "2023-01-01T00:00:00Z",
     "html": "<b>Bold</b> &lt;script&gt;" + J('json1.strip.entity') + "&lt;/script&gt; <scr<script>ipt>" + J('json1.strip.nested') + "</script> "
             "&#60;img src=x onerror=" + J('json1.strip.numeric') + "&#62; &#x3C;svg onload=" + J('json1.strip.hex') + "&#x3E; "
             "<<script>script>" + J('json1.strip.double') + "<</script>/script> <img src=x onerror=" + J('json1.strip.img') + "> "
             "&quot; onmouseover=&quot;" + J('json1.strip.quot') + " &#x2028; &lt;/title&gt;&lt;script&gt;" + J('json1.strip.title') + "&lt;/script&gt;",
     "region": "&lt;svg onload=" + J('json1.region') + "&gt;",
     "tags": ["<script>" + J('json1.tag') + "</script>", "&lt;b&gt;"],
     "affected": "&lt;img src=x onerror=" + J('json1.affected') + "&gt;",
     "links": ["https://example.org/'onmouseover='" + J('json1.link'), "data:text/html,<script>" + J('json1.datalink') + "</script>"]},
    {"id": "js-2", "name": "</script><script>" + J('json2.name') + "</script>\u2028", "start": "2023-02-02",
     "html": "<a href=\"javascript:" + J('json2.strip.href') + "\">link</a>", "region": None, "tags": [], "affected": None, "links": []},
]
w("content/datasets/stripped.json", json.dumps({"rows": records}, indent=1) + "\n")
