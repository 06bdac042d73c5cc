# Blackout: the two commands a newcomer needs are `make site` and `make test`.
SWIFT ?= swift
BUILD_FLAGS ?= -c release
BLACKOUT = .build/release/blackout

.PHONY: site test build deps theme bench check-site clean

# libcmark is the one system library Blackout needs. Install it when missing: through apt-get
# when we are root, otherwise print the exact command.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing libcmark-dev and pkg-config with apt-get…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	  else \
	    echo "libcmark is missing. Install it with:"; \
	    echo "  sudo apt-get install -y libcmark-dev pkg-config"; \
	    exit 1; \
	  fi; \
	fi

# The default theme is compiled into the binary from templates/.
theme:
	@bash Tests/Tools/embed-theme.sh

build: deps theme
	$(SWIFT) build $(BUILD_FLAGS) --product blackout

# Builds the example archive (content/, templates/, site.yml) into public/.
site: build
	$(BLACKOUT) build --site .

# The CLI tests run the real binary, so it is built before the tests run. The embedded theme is
# not regenerated here: a test checks that the committed copy matches templates/.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks (never part of the tests): a 10,000,000-row series and a 100,000-row dataset
# through a release build.
bench: build
	@command -v /usr/bin/time >/dev/null || { [ "$$(id -u)" = "0" ] && apt-get install -y -qq time >/dev/null; } || true
	bash Tests/Tools/bench-series.sh
	bash Tests/Tools/bench-dataset.sh

# The real-world quality gate: W3C validator, linkchecker, feedparser, JSON Schema, axe-core in
# Chromium, over the example archive at the root and under a sub-path. Installs what it needs.
check-site: deps theme
	$(SWIFT) build --product blackout
	bash Tests/Tools/check-site.sh

clean:
	rm -rf .build public
