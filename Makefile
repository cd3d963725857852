# One Makefile for the whole suite: every program is built next to its source.
#   make            build everything          make test      build and run tests/
#   make demo       tour of every example     make clean     remove binaries and leftovers
#   make asan       tests on an ASan+UBSan build   make memcheck  tests under valgrind
#   make test-repeat N=30 LOAD=2   the suite N times under load   make tsan  ThreadSanitizer
#   make trace-fifo (pipes, files, sockets, signals, ...)   a pair's system calls as a timeline
# CC, CFLAGS and EXTRA_CFLAGS may be set on the command line (CI adds -Werror).

CC      ?= cc
CFLAGS  ?= -std=c11 -O2 -g -Wall -Wextra -Wpedantic
EXTRA_CFLAGS ?=

PROGRAMS = \
	signals/exemple_sigterm signals/exemple_sigint signals/exemple_sigign \
	signals/sigusr signals/enviar_sigusr signals/alarm \
	pipes/pipe2 pipes/pipe2_sense_lector \
	pi/calcul_pi_1proces pi/calcul_pi_2processos pi/calcul_pi_nprocessos pi/calcul_pi_fils \
	fifo/fifo_write fifo/fifo_read \
	files/write_char_int files/read_char_int \
	files/write_vector_int files/read_vector_int \
	files/fwrite_char_int files/fread_char_int \
	files/fprintf_char_int files/fscanf_char_int files/stdio_visible \
	mmap/mmap mmap/fork-variables-malloc mmap/fork-variables-mmap mmap/fork-variables-fils \
	sockets/socket_server sockets/socket_server_concurrent sockets/socket_client \
	bench/ipc_bench bench/cronometre bench/limit_divisio

# Programs that start threads: -pthread, the portable way, only where needed.
THREADED = pi/calcul_pi_fils mmap/fork-variables-fils bench/ipc_bench
$(THREADED): PTHREAD = -pthread

TECHNIQUES = signals pipes fifo files mmap sockets pi

all: $(PROGRAMS)

# Every program is rebuilt when the shared header changes, and when the
# compiler or its flags do (`make CC=clang` after a gcc build): .build-flags
# holds the last command line and is rewritten only when it differs.
BUILD = $(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(CPPFLAGS) $(LDFLAGS) $(LDLIBS)
.build-flags: FORCE
	@echo '$(BUILD)' | cmp -s - $@ || echo '$(BUILD)' >$@

# ipc_bench is one program read in parts: the headers beside it.
bench/ipc_bench bench/cronometre bench/limit_divisio: $(wildcard bench/*.h)

$(PROGRAMS): %: %.c include/ipc.h .build-flags
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(PTHREAD) $(CPPFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS)

test: all
	sh tests/run.sh

# make test-repeat N=30 LOAD=2: the suite N times in a row while LOAD busy
# loops keep the CPUs busy; it stops at the first failed run.
N ?= 30
LOAD ?= 2
test-repeat: all
	@sh tests/repeat $(N) $(LOAD)

# Sanitizers: a separate build, removed afterwards so that plain builds stay plain.
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
asan:
	$(MAKE) clean
	$(MAKE) test EXTRA_CFLAGS="$(EXTRA_CFLAGS) $(SANITIZE)"
	$(MAKE) clean

# ThreadSanitizer on the programs that start threads (and their tests): any
# data race makes the program exit non-zero, which fails the check that ran it.
TSAN = -fsanitize=thread -fno-omit-frame-pointer
tsan:
	$(MAKE) clean
	$(MAKE) all CC=clang EXTRA_CFLAGS="$(EXTRA_CFLAGS) $(TSAN)"
	TSAN_OPTIONS="halt_on_error=1 exitcode=66" sh tests/run.sh pi mmap
	$(MAKE) clean

# Every program the tests run goes through valgrind; any error or leak makes it
# exit 99, which fails the check that ran it.  -gdwarf-4: valgrind 3.19 cannot
# read the DWARF 5 that current compilers write by default.  --vgdb=no: no
# debugger FIFOs in $TMPDIR, which a killed program could not remove.
VALGRIND = valgrind -q --vgdb=no --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
memcheck:
	$(MAKE) clean
	$(MAKE) all EXTRA_CFLAGS="$(EXTRA_CFLAGS) -gdwarf-4"
	VALGRIND="$(VALGRIND)" sh tests/run.sh
	$(MAKE) clean

# `make demo-fifo` tours one technique; `make demo STEP=1` waits for Enter at each step.
# The tour runs the techniques one after another, even under -j.
demo: all
	@for t in $(TECHNIQUES); do STEP="$(STEP)" sh $$t/demo.sh || exit 1; done

$(TECHNIQUES:%=demo-%): demo-%: all
	@STEP="$(STEP)" sh $*/demo.sh

# Benchmarks print numbers and assert nothing (bench/README.md explains them).
# `make bench` (about a minute on 2 cores) saves its CSV and SVG files in
# bench/results/ and says where; options go in IPC_BENCH_FLAGS / PI_BENCH_FLAGS
# (make bench IPC_BENCH_FLAGS=--quick PI_BENCH_FLAGS=--quick: about 15 s).
RESULTS = bench/results
bench: all
	./bench/ipc_bench --dir $(RESULTS) $(IPC_BENCH_FLAGS)
	sh bench/bench_pi.sh --dir $(RESULTS) $(PI_BENCH_FLAGS)

bench-pi: all
	sh bench/bench_pi.sh --dir $(RESULTS) $(PI_BENCH_FLAGS)

# `make trace-fifo`: what a pair asks the kernel, as a strace timeline (tests/timeline);
# SVG=FILE also draws it as a sequence diagram.
TRACES = fifo pipes files sockets concurrent signals sigusr pi
$(TRACES:%=trace-%): trace-%: all
	@sh tests/timeline $* $(SVG:%=--svg %)

# For class: a pair side by side in tmux (make side-fifo, side-sockets, side-signals, side-sigterm).
PAIRS = fifo sockets signals sigterm
$(PAIRS:%=side-%): side-%: all
	@sh tests/side-by-side $*

# Files the programs write when run from the top folder or from their own.
DATA = file.data log_fopen.data myfifo
clean:
	rm -rf $(RESULTS)
	rm -f $(PROGRAMS) .build-flags $(DATA) $(foreach d,$(TECHNIQUES),$(DATA:%=$(d)/%))

.PHONY: FORCE tsan $(TRACES:%=trace-%) $(PAIRS:%=side-%) all test test-repeat asan memcheck demo clean bench bench-pi $(TECHNIQUES:%=demo-%)
