# Warden: `make demo` to see it run, `make test` to check everything.
SWIFT ?= swift
LINT_PATHS := Package.swift Sources Tests Benchmarks/Package.swift Benchmarks/Sources

.PHONY: all setup build release demo test lint format bench clean

all: build

## setup: install the system packages and Python test clients that are missing
setup:
	@scripts/setup.sh

## build: debug build of the daemon, the CLI and the libraries
build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

## demo: build, start wardend and a live `warden tail`; Ctrl-C stops both
demo: build
	@scripts/demo.sh

## test: lint, build with warnings as errors, run every test (unit, end-to-end, pyzmq interop)
test: setup lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## lint: swift format lint with the committed .swift-format
lint:
	$(SWIFT) format lint --strict --recursive $(LINT_PATHS)

format:
	$(SWIFT) format format --in-place --recursive $(LINT_PATHS)

## bench: release builds, then the benchmarks (Benchmarks/README.md)
bench: release
	cd Benchmarks && $(SWIFT) run -c release warden-bench

clean:
	rm -rf .build Benchmarks/.build
