# Blackout: the two commands a newcomer needs are `make site` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?= -c release
BLACKOUT = .build/release/blackout

.PHONY: site test build deps theme bench check-site fuzz clean

# Pagefind builds the search index (site.yml `search: true`). It comes from PyPI's pagefind-bin,
# pinned, into a venv under .build-tools/; the binary is linked at $(PAGEFIND), which the targets
# that build the example archive put first on PATH.
PAGEFIND_VERSION = 1.5.2
PAGEFIND = .build-tools/bin/pagefind
WITH_TOOLS = PATH="$(CURDIR)/.build-tools/bin:$$PATH"

# libcmark and zlib are the system libraries Blackout needs. Install them when missing: through
# apt-get when we are root, otherwise print the exact command.
deps:
	@if ! pkg-config --exists libcmark zlib 2>/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing libcmark-dev, zlib1g-dev and pkg-config with apt-get…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev zlib1g-dev pkg-config >/dev/null; \
	  else \
	    echo "libcmark or zlib is missing. Install them with:"; \
	    echo "  sudo apt-get install -y libcmark-dev zlib1g-dev pkg-config"; \
	    exit 1; \
	  fi; \
	fi

$(PAGEFIND):
	@python3 -c "import venv, ensurepip" 2>/dev/null || { \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing python3-venv with apt-get…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
	  else \
	    echo "Pagefind is installed into a Python venv, which needs python3-venv. Install it with:"; \
	    echo "  sudo apt-get install -y python3-venv"; \
	    exit 1; \
	  fi; }
	@echo "Installing Pagefind $(PAGEFIND_VERSION) (PyPI pagefind-bin) into .build-tools/pagefind-venv…"
	@python3 -m venv .build-tools/pagefind-venv
	@.build-tools/pagefind-venv/bin/pip install -q --disable-pip-version-check pagefind-bin==$(PAGEFIND_VERSION)
	@mkdir -p .build-tools/bin
	@ln -sf "$$(.build-tools/pagefind-venv/bin/python -c 'import os, pagefind_bin; print(os.path.join(os.path.dirname(os.path.abspath(pagefind_bin.__file__)), "pagefind"))')" $(PAGEFIND)
	@$(PAGEFIND) --version

# The default theme is compiled into the binary from templates/.
theme:
	@bash Tests/Tools/embed-theme.sh

build: deps theme
	$(SWIFT) build $(BUILD_FLAGS) --product blackout

# Builds the example archive (content/, templates/, site.yml) into public/.
site: build $(PAGEFIND)
	$(WITH_TOOLS) $(BLACKOUT) build --site .

# The CLI tests run the real binary, so it is built before the tests run. The embedded theme is
# not regenerated here: a test checks that the committed copy matches templates/.
test: deps $(PAGEFIND)
	$(SWIFT) build --build-tests
	$(WITH_TOOLS) $(SWIFT) test --skip-build

# Benchmarks (never part of the tests): a 10,000,000-row series and a 100,000-row dataset
# through a release build, then Blackout against Hugo 0.168.0 on the corpora of SPEC §10, written
# into BENCHMARKS.md (BENCH_RUNS=1 BENCH_CORPORA="10000" for a quick run; see the script), then
# serve's save-to-reload time on the 10,000-incident corpus (printed, not written).
bench: build
	@command -v /usr/bin/time >/dev/null || { [ "$$(id -u)" = "0" ] && apt-get install -y -qq time >/dev/null; } || true
	bash Tests/Tools/bench-series.sh
	bash Tests/Tools/bench-dataset.sh
	bash Tests/Tools/bench-vs-hugo.sh
	python3 Tests/Tools/bench-serve.py $(BLACKOUT) .build-bench/corpus-10000/blackout 20

# The real-world quality gate: W3C validator, linkchecker, feedparser, JSON Schema, axe-core in
# Chromium, over the example archive at the root and under a sub-path. Installs what it needs.
check-site: deps theme $(PAGEFIND)
	$(SWIFT) build --product blackout
	$(WITH_TOOLS) bash Tests/Tools/check-site.sh

# Fuzzing (never part of the tests): builds the libFuzzer binary with AddressSanitizer and runs
# each target for FUZZ_SECONDS over a scratch copy of its seeds (Tests/Fuzz/corpus/<target>),
# which accumulates in .build-fuzz/corpus/. Fails if any target crashes, leaks, times out or
# runs out of memory; the input is saved as .build-fuzz/artifacts/<target>-crash-… (or leak-,
# timeout-, oom-). One target at a time: libFuzzer uses one process.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= frontmatter series dataset-csv dataset-json datepattern timestamp values
FUZZ_FLAGS ?= -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_BIN = .build-fuzz/debug/blackout-fuzz
fuzz: deps theme
	@mkdir -p .build-fuzz/logs .build-fuzz/artifacts
	@echo "Building $(FUZZ_BIN) (debug, -sanitize=fuzzer,address)…"
	@$(SWIFT) build -c debug --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DBLACKOUT_FUZZ \
	  --product blackout-fuzz > .build-fuzz/logs/build.log 2>&1 \
	  || { grep -v 'Cannot export local symbol' .build-fuzz/logs/build.log; exit 1; }
	@export SWIFT_BACKTRACE=enable=no; failed=""; for t in $(FUZZ_TARGETS); do \
	  [ -d Tests/Fuzz/corpus/$$t ] || { echo "fuzz: no target $$t (no Tests/Fuzz/corpus/$$t)"; exit 1; }; \
	  mkdir -p .build-fuzz/corpus/$$t && cp -R Tests/Fuzz/corpus/$$t/. .build-fuzz/corpus/$$t/; \
	  echo "fuzz $$t: $(FUZZ_SECONDS) s, log in .build-fuzz/logs/$$t.log"; \
	  if BLACKOUT_FUZZ_TARGET=$$t $(FUZZ_BIN) .build-fuzz/corpus/$$t -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) \
	       -artifact_prefix=.build-fuzz/artifacts/$$t- > .build-fuzz/logs/$$t.log 2>&1; then \
	    grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' .build-fuzz/logs/$$t.log | sed 's/^/  /'; \
	  else \
	    echo "  FAILED: $$t"; grep -E -A25 '^==[0-9]+==|fuzz property failed|ERROR: libFuzzer|Fatal error' .build-fuzz/logs/$$t.log | head -60 | sed 's/^/  /'; \
	    grep -E 'Test unit written to' .build-fuzz/logs/$$t.log | sed 's/^/  /'; \
	    failed="$$failed $$t"; \
	  fi; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi; echo "fuzz: no crashes in $(FUZZ_TARGETS)"

clean:
	rm -rf .build public
