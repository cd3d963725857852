# One Makefile for the whole suite: every program is built next to its source.
#   make            build everything          make test    build and run tests/
#   make demo       tour of every example     make clean   remove binaries and leftovers
# CC, CFLAGS and EXTRA_CFLAGS may be set on the command line (CI adds -Werror).

CC      ?= cc
CFLAGS  ?= -std=c11 -O2 -g -Wall -Wextra -Wpedantic
EXTRA_CFLAGS ?=

PROGRAMS = \
	signals/exemple_sigterm signals/exemple_sigint signals/exemple_sigign \
	signals/sigusr signals/enviar_sigusr signals/alarm \
	pipes/pipe2 \
	pi/calcul_pi_1proces pi/calcul_pi_2processos pi/calcul_pi_nprocessos \
	fifo/fifo_write fifo/fifo_read \
	files/write_char_int files/read_char_int \
	files/write_vector_int files/read_vector_int \
	files/fwrite_char_int files/fread_char_int \
	files/fprintf_char_int files/fscanf_char_int files/stdio_visible \
	mmap/mmap mmap/fork-variables-malloc mmap/fork-variables-mmap \
	sockets/socket_server sockets/socket_client

TECHNIQUES = signals pipes fifo files mmap sockets pi

all: $(PROGRAMS)

$(PROGRAMS): %: %.c
	$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(CPPFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS)

test: all
	sh tests/run.sh

# `make demo-fifo` tours one technique; `make demo STEP=1` waits for Enter at each step.
# The tour runs the techniques one after another, even under -j.
demo: all
	@for t in $(TECHNIQUES); do STEP="$(STEP)" sh $$t/demo.sh || exit 1; done

$(TECHNIQUES:%=demo-%): demo-%: all
	@STEP="$(STEP)" sh $*/demo.sh

clean:
	rm -f $(PROGRAMS)

.PHONY: all test demo clean $(TECHNIQUES:%=demo-%)
