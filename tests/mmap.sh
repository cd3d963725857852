#!/bin/sh
# tests/mmap.sh — memory-mapped files: mmap (with write_vector_int and
# read_vector_int as its peers), and the trio fork-variables-malloc,
# fork-variables-mmap, fork-variables-fils.
. "$(dirname "$0")/lib.sh"

# runs NAME CMD...: run CMD in the foreground, stdout to NAME.out, stderr to
# NAME.err; a check that it exits 0 and says nothing on stderr.
runs() {
    _n=$1; shift
    "$@" >"$_n.out" 2>"$_n.err"
    _st=$?
    if [ "$_st" -eq 0 ] && [ ! -s "$_n.err" ]; then
        ok "$* exits 0"
    else
        not_ok "$* exits 0" "exit status $_st" "stderr: $(head -c 300 "$_n.err")"
    fi
}

# The values write_vector_int writes (2i+1), and the same with the sign changed.
awk 'BEGIN { for (i = 0; i < 1000; i++) print 2 * i + 1 }' >want.pos
awk 'BEGIN { for (i = 0; i < 1000; i++) print -(2 * i + 1) }' >want.neg
first="executeu primer ./files/write_vector_int"    # the hint for a missing or short file

# ---- mmap ------------------------------------------------------------------
expect_fail "mmap: no file.data yet: says to run the writer first" \
    "mmap: obrint file.data: No such file or directory ($first)" ./mmap/mmap

runs wv ./files/write_vector_int
runs before ./files/read_vector_int
same_file "read_vector_int prints 1 3 5 ... 1999 before mmap" want.pos before.out
cp file.data orig.data

runs m1 ./mmap/mmap
cat >want.m1 <<'EOF'
file.data: 1000 sencers mapats a memòria
Llegit del mapatge: 1 3 5 7 9 ... 1999
Canvio el signe de cada sencer (v[i] = -v[i]), sense write()
Ara el mapatge té: -1 -3 -5 -7 -9 ... -1999
Canvis desats a file.data amb msync()
EOF
same_file "mmap prints what it read and what it changed" want.m1 m1.out
check "claim 15: the values read through the mapping are the file's (1 3 5 ... 1999)" \
    has_line m1.out "Llegit del mapatge: 1 3 5 7 9 ... 1999"
runs after ./files/read_vector_int
same_file "claim 15: the change made through MAP_SHARED is in the file afterwards (read_vector_int sees -1 -3 ... -1999)" \
    want.neg after.out
check "the file keeps its size, 1000 x sizeof(int)" test "$(wc -c <file.data)" -eq "$(wc -c <orig.data)"

runs m2 ./mmap/mmap
check "claim 15: a second run reads the first run's change through the mapping" \
    has_line m2.out "Llegit del mapatge: -1 -3 -5 -7 -9 ... -1999"
check "claim 15: changing the sign again gives back the original file, byte for byte" \
    cmp -s orig.data file.data

# The data moves through the mapping only: no read()/write() on the file's
# descriptor (strace, when it is installed and may trace here).
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
    ASAN_OPTIONS=detect_leaks=0 strace -o trace.txt ./mmap/mmap >/dev/null 2>&1
    if [ "$(grep -c '^execve(.* = 0$' trace.txt)" -ne 1 ]; then
        # A wrapper (valgrind, say) ran it: the trace shows the wrapper's calls too.
        skip "claim 15: the file is mapped MAP_SHARED and never read() or written (strace)" \
            "mmap runs under a wrapper that makes calls of its own"
    elif awk '/"file\.data"/ && / = [0-9]+$/ { fd = $NF }
            fd != "" && $0 ~ "^(read|write|pread64|pwrite64|readv|writev)\\(" fd "," { bad = 1 }
            fd != "" && /^mmap\(/ && /MAP_SHARED/ && $0 ~ ", " fd ", 0\\)" { mapped = 1 }
            END { exit !(mapped && !bad) }' trace.txt; then
        ok "claim 15: the file is mapped MAP_SHARED and never read() or written (strace)"
    else
        not_ok "claim 15: the file is mapped MAP_SHARED and never read() or written (strace)" \
            "$(grep -A 8 'file\.data' trace.txt)"
    fi
    ./mmap/mmap >/dev/null 2>&1         # back to the original values (checked below)
else
    skip "claim 15: the file is mapped MAP_SHARED and never read() or written (strace)" "strace not usable"
fi

# Its output is its result: stdout on a full disk is an error. (The file has
# changed by then, so one more run puts it back.)
full_stdout "mmap > /dev/full: one-line error, exit 1" ./mmap/mmap
./mmap/mmap >/dev/null 2>&1
check "file.data is the original again after the runs above" cmp -s orig.data file.data

# A path given as argument; a small file is printed whole.
dd if=orig.data of=two.data bs=4 count=2 2>/dev/null
runs m3 ./mmap/mmap two.data
cat >want.m3 <<'EOF'
two.data: 2 sencers mapats a memòria
Llegit del mapatge: 1 3
Canvio el signe de cada sencer (v[i] = -v[i]), sense write()
Ara el mapatge té: -1 -3
Canvis desats a two.data amb msync()
EOF
same_file "mmap FITXER: a file of 2 ints is printed whole" want.m3 m3.out
check "mmap FITXER leaves file.data alone" cmp -s orig.data file.data
# Any ints, not only the writer's: the most negative int has no opposite and stays.
printf '\000\000\000\200\005\000\000\000' >min.data     # INT_MIN and 5, little-endian
if [ "$(od -An -td4 min.data | tr -s ' ')" = " -2147483648 5" ]; then
    runs m4 ./mmap/mmap min.data
    check "mmap: any ints; INT_MIN, which has no opposite, is left as it is" \
        has_line m4.out "Ara el mapatge té: -2147483648 -5"
else
    skip "mmap: any ints; INT_MIN, which has no opposite, is left as it is" "not a little-endian 32-bit int here"
fi

# Bad input: one line on stderr, nothing on stdout, status 1, the file untouched.
# An empty or short file (a writer stopped half-way) says to run the writer.
: >empty.data
expect_fail "mmap: empty file: says to run the writer first" \
    "mmap: empty.data: el fitxer és buit ($first)" ./mmap/mmap empty.data
{ cat orig.data; printf x; } >odd.data
cp odd.data odd.copy
expect_fail "mmap: size not a multiple of sizeof(int): says to run the writer first" \
    "mmap: odd.data: 4001 bytes no fan un vector de sencers de 4 bytes ($first)" ./mmap/mmap odd.data
check "the file of odd size is left untouched" cmp -s odd.copy odd.data
printf 'ab' >short.data
expect_fail "mmap: a file shorter than one int: says to run the writer first" \
    "mmap: short.data: 2 bytes no fan un vector de sencers de 4 bytes ($first)" ./mmap/mmap short.data
mkdir adir
expect_fail "mmap: a directory" "mmap: obrint adir: Is a directory" ./mmap/mmap adir
mkfifo afifo
expect_fail "mmap: a FIFO" "mmap: afifo: no és un fitxer regular" ./mmap/mmap afifo
expect_fail "mmap: missing file: says to run the writer first" \
    "mmap: obrint nofile.data: No such file or directory ($first)" ./mmap/mmap nofile.data
# Root ignores file permissions: there, run mmap as root without the
# capabilities that allow it (setpriv), or skip when that is not possible.
if [ "$(id -u)" -ne 0 ]; then
    nocap() { "$@"; }
else
    nocap() { setpriv --bounding-set=-dac_override,-dac_read_search "$@"; }
fi
: >probe && chmod 000 probe
if ! nocap true 2>/dev/null || nocap cat probe 2>/dev/null; then
    skip "mmap: file without read permission" "running as root, and setpriv cannot drop CAP_DAC_OVERRIDE"
    skip "mmap: read-only file (mmap changes it, so it opens it O_RDWR)" "running as root, and setpriv cannot drop CAP_DAC_OVERRIDE"
else
    cp orig.data noperm.data && chmod 000 noperm.data
    expect_fail "mmap: file without read permission" "mmap: obrint noperm.data: Permission denied" \
        nocap ./mmap/mmap noperm.data
    cp orig.data ro.data && chmod 444 ro.data
    expect_fail "mmap: read-only file (mmap changes it, so it opens it O_RDWR)" \
        "mmap: obrint ro.data: Permission denied" nocap ./mmap/mmap ro.data
    check "the read-only file is left untouched" cmp -s orig.data ro.data
fi
expect_fail "mmap: two paths" "mmap: massa arguments (Ús: mmap [FITXER])" ./mmap/mmap a b
expect_fail "mmap: unknown option" "mmap: opció desconeguda '-x' (Ús: mmap [FITXER])" ./mmap/mmap -x
check "mmap -h prints usage" sh -c './mmap/mmap -h >h.out && grep -q "^Ús: mmap \[FITXER\]$" h.out'

# ---- the trio: a child with malloc, a child with mmap, a thread ----------------
runs fm ./mmap/fork-variables-malloc
cat >want.fm <<'EOF'
pare: reservo les variables amb malloc()
pare: abans del fork: comptador = 0, nom = "pare", vector = 1 2 3 4 5
fill: canvio les variables
fill: comptador = 1, nom = "fill", vector = 10 20 30 40 50
pare: després de waitpid: comptador = 0, nom = "pare", vector = 1 2 3 4 5
malloc: el pare NO veu els canvis del fill: no comparteixen memòria
EOF
same_file "fork-variables-malloc prints each step once, parent then child then parent" want.fm fm.out
check "claim 16: fork + malloc: the child changes its variables" \
    has_line fm.out 'fill: comptador = 1, nom = "fill", vector = 10 20 30 40 50'
check "claim 16: fork + malloc: after waitpid the parent still has its own values" \
    has_line fm.out 'pare: després de waitpid: comptador = 0, nom = "pare", vector = 1 2 3 4 5'

runs fs ./mmap/fork-variables-mmap
cat >want.fs <<'EOF'
pare: reservo les variables amb mmap(MAP_SHARED | MAP_ANONYMOUS)
pare: abans del fork: comptador = 0, nom = "pare", vector = 1 2 3 4 5
fill: canvio les variables
fill: comptador = 1, nom = "fill", vector = 10 20 30 40 50
pare: després de waitpid: comptador = 1, nom = "fill", vector = 10 20 30 40 50
mmap: el pare SÍ veu els canvis del fill: comparteixen memòria
EOF
same_file "fork-variables-mmap prints each step once, parent then child then parent" want.fs fs.out
check "claim 16: fork + MAP_SHARED: the child changes the variables" \
    has_line fs.out 'fill: comptador = 1, nom = "fill", vector = 10 20 30 40 50'
check "claim 16: fork + MAP_SHARED: after waitpid the parent sees the child's values" \
    has_line fs.out 'pare: després de waitpid: comptador = 1, nom = "fill", vector = 10 20 30 40 50'
if [ "$(diff fm.out fs.out | grep -c '^[<>]')" -eq 6 ]; then
    ok "the two fork outputs differ only in how memory is reserved and what the parent sees"
else
    not_ok "the two fork outputs differ only in how memory is reserved and what the parent sees" "$(diff fm.out fs.out)"
fi

runs ff ./mmap/fork-variables-fils
cat >want.ff <<'EOF'
main: reservo les variables amb malloc(), més una variable global
main: abans del fil: comptador = 0, nom = "main", vector = 1 2 3 4 5, global = 0
fil: canvio les variables
fil: comptador = 1, nom = "fil", vector = 10 20 30 40 50, global = 1
main: després de pthread_join: comptador = 1, nom = "fil", vector = 10 20 30 40 50, global = 1
fils: main SÍ veu els canvis del fil: comparteixen memòria
EOF
same_file "fork-variables-fils prints each step once, main then thread then main, as the other two" want.ff ff.out
check "claim 16, with a thread: the thread changes the variables" \
    has_line ff.out 'fil: comptador = 1, nom = "fil", vector = 10 20 30 40 50, global = 1'
check "claim 16, with a thread: after pthread_join main sees the thread's change to the malloc'd variables, with no mmap" \
    grep -q '^main: després de pthread_join: comptador = 1, nom = "fil", vector = 10 20 30 40 50,' ff.out
check "claim 16, with a thread: after pthread_join main sees the thread's change to the global variable" \
    grep -q '^main: després de pthread_join: .*, global = 1$' ff.out

# Their output is their result; bad arguments are one-line usage errors.
for p in fork-variables-malloc fork-variables-mmap fork-variables-fils; do
    full_stdout "$p > /dev/full: one-line error, exit 1" ./mmap/$p
    expect_fail "$p: an argument" "$p: massa arguments (Ús: $p)" ./mmap/$p x
    expect_fail "$p: an option" "$p: opció desconeguda '-x' (Ús: $p)" ./mmap/$p -x
    check "$p -h prints usage" sh -c "./mmap/$p -h >h.out && grep -q '^Ús: $p\$' h.out"
done

done_testing
