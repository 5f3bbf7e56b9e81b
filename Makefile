# jac: build, test, benchmark, install. `make check` is what CI runs (.ci/run).
PREFIX ?= /usr/local
SWIFT ?= swift
BIN := $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)
# The release binary: one static executable (no Swift runtime needed where it runs; starts in
# about 1.5 ms instead of 3.6 ms for the dynamic build). Its own scratch path, so it does not
# disturb the dynamic build the tests use.
RELEASE_DIR := .build-release
RELEASE_BIN := $(RELEASE_DIR)/release/jac
# Generic types (a Dictionary of Expr, an Array of a tuple) are reached through their metadata
# accessors instead of by mangled name: the runtime then neither demangles the name nor scans
# every protocol conformance in the image to check `Hashable` on first use. The polar
# determinant went from 2.57M to 1.48M instructions with this flag alone (docs/performance.md,
# issue 20); the code it generates is the same otherwise.
# Then each function in a section of its own, and the functions a short run executes placed side
# by side (scripts/startup.order, written by `make startup-order`): the polar determinant's code
# page faults went from 84 to 46 (docs/performance.md, session 10). Internal functions got sections
# of their own only with LLVM's function merging off (measured on these objects), which also cut
# the polar determinant's instructions by 0.5%.
STARTUP_ORDER := $(CURDIR)/scripts/startup.order
RELEASE_FLAGS := -Xswiftc -static-executable -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
  -Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -Xfrontend -Xswiftc -disable-llvm-merge-functions-pass \
  -Xlinker --section-ordering-file=$(STARTUP_ORDER)

.PHONY: all build release startup-order bench bench-code bench-sparse fuzz fuzz-fast inverse-sweep docs-png test check test-deps crosscheck matrix-crosscheck golden lint format install uninstall clean
N ?= 300
SEED ?= 20261122

all: build

build:
	$(SWIFT) build -c release --product jac

# A static executable that runs on a machine without the Swift toolchain.
# Swift keeps an object file whose IR is unchanged whatever the code-generation flags say, so
# when RELEASE_FLAGS change the old objects are removed first (their last flags are kept beside them).
release:
	@if [ "$$(cat $(RELEASE_DIR)/flags 2>/dev/null)" != "$(RELEASE_FLAGS)" ]; then \
	  find $(RELEASE_DIR) -name '*.o' -delete 2>/dev/null; mkdir -p $(RELEASE_DIR); fi
	$(SWIFT) build -c release --product jac $(RELEASE_FLAGS) --scratch-path $(RELEASE_DIR)
	@echo "$(RELEASE_FLAGS)" > $(RELEASE_DIR)/flags
	@if ldd $(RELEASE_BIN) >/dev/null 2>&1; then echo "error: $(RELEASE_BIN) is dynamically linked"; exit 1; fi
	@echo "static binary: $(RELEASE_BIN)"

# The start-up order, from callgrind runs of the release binary (needs valgrind); then relinked
# with it. Regenerate when the start-up path changes: a function missing from the list still
# works, it is only placed with the rest.
startup-order: release
	python3 scripts/startup_order.py --jac $(RELEASE_BIN) --out $(STARTUP_ORDER)
	rm -f $(RELEASE_BIN)
	$(MAKE) release

# jac against the installed peers (scripts/bench.py says how to install missing ones).
# make bench ARGS="--no-scaling --runs 3" for a quicker run.
bench: release
	python3 scripts/bench.py --jac $(RELEASE_BIN) $(ARGS)
	python3 scripts/codebench.py --jac $(RELEASE_BIN)
	python3 scripts/sparsebench.py --jac $(RELEASE_BIN)

# Generated code alone: jac's C and Python against SymPy's and CasADi's (installs both with pip).
bench-code: release
	python3 scripts/codebench.py --jac $(RELEASE_BIN) $(ARGS)

# Big sparse Jacobians alone: Bratu from n = 200 to 333,334 (1M nonzeros) beside CasADi's
# Jacobian step (installs casadi with pip).
bench-sparse: release
	python3 scripts/sparsebench.py --jac $(RELEASE_BIN) $(ARGS)

# libFuzzer over the whole pipeline with AddressSanitizer (docs/reliability.md). The corpus it
# grows lives in .build-fuzz/corpus (kept between runs); the seeds are in Tests/Fuzz/seeds,
# past findings (each also a regression test) in Tests/Fuzz/findings.
# make fuzz FUZZ_TIME=3600 for an hour; findings are written to .build-fuzz/crash-*, timeout-*, oom-*.
# Fork mode (-fork=1 -ignore_*) keeps a long run going past a slow unit or a crash; the run's new
# findings are listed at the end and fail the target.
FUZZ_TIME ?= 300
fuzz:
	JAC_FUZZ=1 $(SWIFT) build -c release --product JacFuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
	  --scratch-path .build-fuzz
	mkdir -p .build-fuzz/corpus
	touch .build-fuzz/.fuzz-start
	SWIFT_BACKTRACE=enable=no .build-fuzz/release/JacFuzz -fork=1 -ignore_timeouts=1 -ignore_ooms=1 -ignore_crashes=1 \
	  -max_total_time=$(FUZZ_TIME) -timeout=60 -rss_limit_mb=4096 \
	  -max_len=4096 -dict=Tests/Fuzz/jac.dict -artifact_prefix=.build-fuzz/ -print_final_stats=1 \
	  .build-fuzz/corpus Tests/Fuzz/seeds Tests/Fuzz/findings
	@new=$$(find .build-fuzz -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) -newer .build-fuzz/.fuzz-start); \
	  if [ -n "$$new" ]; then echo "fuzz findings (replay each with .build-fuzz/release/JacFuzz FILE):"; echo "$$new"; exit 1; fi

# The fast harness: the same target without AddressSanitizer, small inputs (128 bytes), no fork
# mode and no replay of a grown corpus at start, so an hour reaches millions of executions
# (about 1,600 a second here with the machine shared). Its corpus starts from the seeds each
# run (.build-fuzz-fast/corpus is emptied); findings are written to .build-fuzz-fast/crash-* etc.
fuzz-fast:
	JAC_FUZZ=1 $(SWIFT) build -c release --product JacFuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer \
	  --scratch-path .build-fuzz-fast
	rm -rf .build-fuzz-fast/corpus && mkdir -p .build-fuzz-fast/corpus && cp Tests/Fuzz/seeds/* .build-fuzz-fast/corpus/
	touch .build-fuzz-fast/.fuzz-start
	SWIFT_BACKTRACE=enable=no .build-fuzz-fast/release/JacFuzz -max_total_time=$(FUZZ_TIME) -timeout=10 \
	  -rss_limit_mb=2048 -max_len=128 -dict=Tests/Fuzz/jac.dict -artifact_prefix=.build-fuzz-fast/ \
	  -print_final_stats=1 .build-fuzz-fast/corpus
	@new=$$(find .build-fuzz-fast -maxdepth 1 \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) -newer .build-fuzz-fast/.fuzz-start); \
	  if [ -n "$$new" ]; then echo "fuzz findings (replay each with .build-fuzz-fast/release/JacFuzz FILE):"; echo "$$new"; exit 1; fi

# Inverses of N constant linear maps (4×4 to 6×6, small integers and one sqrt(2) or sqrt(3);
# Tests/JacCoreTests/ConstantInverseSweepTests.swift, which the suite runs with 9) in a debug
# build, which checks the pool's invariants after each, and J·J⁻¹ = I numerically.
# make inverse-sweep N=1000 SEED=7 for another draw; the seed is printed.
inverse-sweep:
	JAC_INVERSE_SWEEP=$(N) JAC_INVERSE_SEED=$(SEED) $(SWIFT) test --filter ConstantInverseSweepTests

# The README's test command: installs what the tests need (pdflatex, SymPy), checks the format
# (swift format, part of the toolchain), builds, runs every test, then a small cross-check
# against SymPy.
check: test-deps lint test
	$(MAKE) crosscheck N=40
	$(MAKE) matrix-crosscheck

# Compare jac with SymPy on N random expressions (make crosscheck N=5000 for a large run).
crosscheck: build
	@python3 -c "import sympy, numpy" 2>/dev/null || python3 -m pip install -q sympy numpy
	python3 scripts/crosscheck.py --jac $(BIN)/jac --count $(N) --seed $(SEED) --size-sample $(if $(filter 40,$(N)),0,100)

# Compare jac's matrix-form derivatives, written out with --expand, with SymPy's.
matrix-crosscheck: build
	@python3 -c "import sympy" 2>/dev/null || python3 -m pip install -q sympy
	python3 scripts/matrix_crosscheck.py --jac $(BIN)/jac

test:
	$(SWIFT) build
	$(SWIFT) test --parallel

# pdflatex compiles jac's LaTeX, g++ the generated C as C++, and Octave runs the generated MATLAB in tests;
# installed with apt-get when missing.
# The generated Python runs with NumPy and SciPy (the python3 on PATH; pip installs them when missing).
test-deps:
	@python3 -c "import numpy, scipy" 2>/dev/null || { \
	  echo "installing numpy and scipy to run the generated Python in tests"; \
	  python3 -m pip install -q numpy scipy || { echo "could not install numpy and scipy; pip install them and run make test"; exit 1; }; }
	@command -v pdflatex >/dev/null 2>&1 || { \
	  echo "installing texlive-latex-base (pdflatex) for the LaTeX test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends texlive-latex-base >/dev/null \
	  || { echo "could not install texlive-latex-base; install pdflatex and run make test"; exit 1; }; }
	@command -v octave-cli >/dev/null 2>&1 || { \
	  echo "installing octave (octave-cli) to run the generated MATLAB in a test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends octave >/dev/null \
	  || { echo "could not install octave; install octave-cli and run make test"; exit 1; }; }
	@command -v g++ >/dev/null 2>&1 || { \
	  echo "installing g++ to compile the generated C as C++ in tests"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends g++ >/dev/null \
	  || { echo "could not install g++; install it and run make test"; exit 1; }; }
	@command -v pdftoppm >/dev/null 2>&1 || { \
	  echo "installing poppler-utils (pdftoppm) for the LaTeX page-rendering test"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null \
	  || { echo "could not install poppler-utils; install pdftoppm and run make test"; exit 1; }; }

# docs/images/paper.png: a page of jac's LaTeX (--standalone --lhs), compiled and rendered, for the
# docs. Regenerate after changing the LaTeX printer.
docs-png: build
	@mkdir -p .build/docs-png docs/images
	printf '%s\n' "x = r*sin(θ)*cos(φ), y = r*sin(θ)*sin(φ), z = r*cos(θ)" \
	  | $(BIN)/jac --vars r,θ,φ --latex --standalone --lhs > .build/docs-png/paper.tex
	printf '%s\n' "x = r*sin(θ)*cos(φ), y = r*sin(θ)*sin(φ), z = r*cos(θ)" \
	  | $(BIN)/jac det --vars r,θ,φ --latex --lhs --volume-element | sed 's/^/\\[ /; s/$$/ \\]/' > .build/docs-png/det.tex
	sed -i '/\\end{document}/e cat .build/docs-png/det.tex' .build/docs-png/paper.tex
	cd .build/docs-png && pdflatex -interaction=nonstopmode -halt-on-error paper.tex >/dev/null
	pdftoppm -png -r 110 -singlefile -x 245 -y 185 -W 470 -H 140 .build/docs-png/paper.pdf docs/images/paper

# Re-record the printer golden file; the test still fails once so the diff is reviewed.
golden:
	-JAC_RECORD_GOLDEN=1 $(SWIFT) test --filter goldenText
	git diff --stat Tests/JacCoreTests/Golden

lint:
	$(SWIFT) format lint --strict -r Sources Tests

format:
	$(SWIFT) format -i -r Sources Tests

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/jac
	install -m 644 docs/jac.1 $(DESTDIR)$(PREFIX)/share/man/man1/jac.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 644 completions/jac.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/jac
	install -m 644 completions/_jac $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_jac
	install -m 644 completions/jac.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/jac.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/jac $(DESTDIR)$(PREFIX)/share/man/man1/jac.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/jac $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_jac \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/jac.fish

clean:
	rm -rf .build $(RELEASE_DIR) .build-fuzz .build-fuzz-fast
