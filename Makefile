# Convenience targets; the README's two commands (./demo.sh, ./test.sh) need no make.
.PHONY: run test build deps package bench clean
run:
	./demo.sh $(ARGS)
test:
	./test.sh
build: deps
	bash installer/build.sh
deps:
	bash installer/install-deps.sh
package: build
	cd build && cpack -G DEB
bench: build
	@for b in build/bin/bench_*; do echo "== $$b"; $$b; done
clean:
	rm -rf build
