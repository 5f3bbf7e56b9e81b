# jac: build, test, benchmark, install. `make check` is what CI runs (.ci/run).
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)

.PHONY: all build release test check test-deps crosscheck golden lint format install uninstall clean
N ?= 300
SEED ?= 20261122

all: build

build:
	$(SWIFT) build -c release --product jac

# The README's test command: installs what the tests need (pdflatex, SymPy), builds, runs every
# test, then a small cross-check against SymPy.
check: test-deps test
	$(MAKE) crosscheck N=40

# Compare jac with SymPy on N random expressions (make crosscheck N=5000 for a large run).
crosscheck: build
	@python3 -c "import sympy" 2>/dev/null || python3 -m pip install -q sympy
	python3 scripts/crosscheck.py --jac $(BIN)/jac --count $(N) --seed $(SEED) --size-sample $(if $(filter 40,$(N)),0,100)

test:
	$(SWIFT) build
	$(SWIFT) test --parallel

# pdflatex compiles jac's LaTeX in a test; install it with apt-get when it is missing.
test-deps:
	@command -v pdflatex >/dev/null 2>&1 || { \
	  echo "installing texlive-latex-base (pdflatex) for the LaTeX test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends texlive-latex-base >/dev/null \
	  || { echo "could not install texlive-latex-base; install pdflatex and run make test"; exit 1; }; }

# Re-record the printer golden file; the test still fails once so the diff is reviewed.
golden:
	-JAC_RECORD_GOLDEN=1 $(SWIFT) test --filter goldenText
	git diff --stat Tests/JacCoreTests/Golden

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests

install: build
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN)/jac $(DESTDIR)$(PREFIX)/bin/jac

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/jac

clean:
	rm -rf .build
