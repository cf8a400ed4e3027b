# Thin wrapper: every target installs what is missing and builds first.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: run test build deps package bench clean
run: build
	$(BUILD)/bin/reactordesk $(ARGS)

test: build
	cd $(BUILD) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS) --timeout 300

build: deps
	@[ -f $(BUILD)/build.ninja ] || cmake -S . -B $(BUILD) -G Ninja
	cmake --build $(BUILD) -j $(JOBS)

deps:
	@bash installer/install-deps.sh

package: build
	cd $(BUILD) && cpack -G DEB

bench: build
	@for b in $(BUILD)/bin/bench_*; do echo "== $$b"; $$b; done

clean:
	rm -rf $(BUILD)
