#!/bin/sh
# tests/build.sh — the build keeps its promises: every program compiles on its
# own from its folder (`cc -o fifo_read fifo_read.c`, the header found by its
# relative path), and the Makefile rebuilds a program when the shared header,
# the compiler or the flags change (`make CC=clang` after a gcc build), and only
# then.  Works on a copy, so the binaries the other tests run are never touched.
. "$(dirname "$0")/lib.sh"

CC=${CC:-cc}
programs=$(sed -n '/^PROGRAMS *=/,/^$/p' "$ROOT/Makefile" | tr -s ' \t\\' '\n' | grep '/')

# ---- each program alone, from its folder -------------------------------------
bad=
for p in $programs; do
    (cd "$ROOT/${p%/*}" && $CC -std=c11 -fsyntax-only "${p##*/}.c") >alone.err 2>&1 || bad="$bad $p"
done
check "every program compiles alone from its folder with $CC${bad:+ (not:$bad)}" test -z "$bad"

# ---- rebuilds: header, compiler, flags -------------------------------------------
other=
for c in gcc clang cc; do
    if command -v "$c" >/dev/null 2>&1 && [ "$c" != "$CC" ]; then other=$c; break; fi
done
mkdir -p copy/include copy/signals
cp "$ROOT/Makefile" copy/
cp "$ROOT/include/ipc.h" copy/include/
cp "$ROOT/signals/exemple_sigterm.c" copy/signals/
t=signals/exemple_sigterm
# The caller's make flags (`make -s test` silences every command) are not ours.
build() { MAKEFLAGS='' MFLAGS='' make -C copy "$@" "$t" 2>&1; }
not_in() { ! grep -qF -- "$2" "$1"; }
build CC="$CC" >b1.out
check "make builds $t" test -x "copy/$t"
build CC="$CC" >b2.out
check "make again: nothing to rebuild" not_in b2.out "-o $t"
if [ -n "$other" ]; then
    build CC="$other" >b3.out
    check "make CC=$other after a $CC build rebuilds with $other" grep -q "^$other .*-o $t" b3.out
else
    skip "make CC=OTHER after a build rebuilds" "only one compiler here"
fi
build CC="$CC" EXTRA_CFLAGS=-DNDEBUG >b4.out
check "new flags rebuild" grep -q -- "-DNDEBUG.*-o $t" b4.out
touch copy/include/ipc.h
build CC="$CC" EXTRA_CFLAGS=-DNDEBUG >b5.out
check "a changed header rebuilds" grep -q -- "-o $t" b5.out

done_testing
