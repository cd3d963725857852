#!/bin/sh
# tests/files.sh — regular files: write()/read(), one write() of a vector,
# fwrite()/fread(), fprintf()/fscanf(), and stdio_visible (issue 3, claims
# 11-14; issue 4, bad files and unwritable outputs).
. "$(dirname "$0")/lib.sh"

# ---- local helpers ----------------------------------------------------------
# bytes FILE: its size in bytes.
bytes() { echo $(($(wc -c <"$1"))); }

# is_size FILE N: FILE has exactly N bytes.
is_size() { [ -f "$1" ] && [ "$(bytes "$1")" -eq "$2" ]; }

# quiet_ok NAME CMD...: CMD exits 0 and says nothing on stderr; its stdout is
# left in NAME.out.
quiet_ok() {
    _n=$1; shift
    "$@" >"$_n.out" 2>"$_n.err" </dev/null && [ ! -s "$_n.err" ]
}

# usage_ok PROG: `PROG -h` exits 0 and prints two lines, "Ús: PROG ..." and a sentence.
usage_ok() {
    "./files/$1" -h >h.out 2>h.err && [ ! -s h.err ] &&
        head -n 1 h.out | grep -q "^Ús: $1" && [ "$(wc -l <h.out)" -eq 2 ]
}

# mode_is FILE MODE: ls -l shows MODE (e.g. -rw-r--r--) for FILE.
mode_is() { [ "$(ls -l "$1" | cut -c1-10)" = "$2" ]; }

# sizeof(int), honestly and without a compiler: od's "I" type is this
# system's C int, so 16 bytes make 16/sizeof(int) numbers.  Cross-checked
# below with getconf WORD_BIT and with the file write_vector_int makes.
INT=$((16 / $(printf '%016d' 0 | od -An -v -t dI | wc -w)))
REC=$((5 + INT))                        # bytes of one record: "lluis" and an int

# record_ok FILE I: record I of FILE, at offset I*(5+sizeof(int)), is the five
# bytes "lluis" and then the int I, as od decodes them.
record_ok() {
    _off=$(($2 * REC))
    [ "$(od -An -v -c -j "$_off" -N 5 "$1" | tr -d ' ')" = lluis ] &&
        [ "$(od -An -v -t dI -j $((_off + 5)) -N "$INT" "$1" | tr -d ' ')" = "$2" ]
}
all_records_ok() {
    _i=0
    while [ "$_i" -lt 100 ]; do record_ok "$1" "$_i" || return 1; _i=$((_i + 1)); done
}

# ---- expected outputs -------------------------------------------------------
i=0
while [ "$i" -lt 100 ]; do echo "Llegit: lluis y $i"; i=$((i + 1)); done >want.rec
awk 'BEGIN { for (i = 0; i < 1000; i++) print 2 * i + 1 }' >want.vec
awk 'BEGIN { for (i = 0; i < 100; i++) print "lluis\n" i }' >want.txt

case $(getconf WORD_BIT 2>/dev/null) in
    '' | *[!0-9]*) skip "sizeof(int) from od agrees with getconf WORD_BIT" "getconf WORD_BIT unknown" ;;
    *) check "sizeof(int) from od ($INT) agrees with getconf WORD_BIT" [ "$(getconf WORD_BIT)" -eq $((INT * 8)) ] ;;
esac

# ---- write_char_int / read_char_int ------------------------------------------
check "write_char_int FILE exits 0, nothing on stderr" quiet_ok w ./files/write_char_int records.data
check "write_char_int FILE writes FILE only (no file.data)" test ! -e file.data
check "read_char_int FILE exits 0, nothing on stderr" quiet_ok r ./files/read_char_int records.data
same_file "read_char_int FILE prints the 100 \"Llegit: lluis y N\" lines" want.rec r.out

check "write_char_int exits 0, nothing on stderr" quiet_ok w ./files/write_char_int
check "write_char_int: stdout is empty" test ! -s w.out
check "claim 13: write_char_int's file is 100 x (5 + sizeof(int)) = $((100 * REC)) bytes" is_size file.data $((100 * REC))
check "claim 13: record i of file.data is \"lluis\" then the int i, at offset i x (5 + sizeof(int))" all_records_ok file.data
check "write_char_int creates file.data rw-r--r-- (the slide's mode)" mode_is file.data -rw-r--r--
check "read_char_int exits 0, nothing on stderr" quiet_ok r ./files/read_char_int
same_file "read_char_int prints the slide's 100 lines" want.rec r.out
cp file.data char_int.data

(umask 0 && ./files/write_char_int umask0.data)
check "write_char_int: mode is rw-r--r-- even with umask 0" mode_is umask0.data -rw-r--r--
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x" }' >long.data
./files/write_char_int long.data
check "write_char_int truncates an existing longer file (O_TRUNC)" cmp -s long.data char_int.data

# ---- write_vector_int / read_vector_int --------------------------------------
check "write_vector_int exits 0, nothing on stderr" quiet_ok w ./files/write_vector_int
check "write_vector_int: stdout is empty" test ! -s w.out
check "claim 13: write_vector_int's file is 1000 x sizeof(int) = $((1000 * INT)) bytes" is_size file.data $((1000 * INT))
od -An -v -t dI file.data | tr -s ' ' '\n' | grep . >od.vec
same_file "claim 13: od decodes the vector file as the ints 1, 3, ..., 1999 in memory order" want.vec od.vec
check "write_vector_int FILE exits 0 (with umask 0)" sh -c 'umask 0 && ./files/write_vector_int v0.data' 
check "write_vector_int: mode is rw-r--r-- even with umask 0" mode_is v0.data -rw-r--r--
check "read_vector_int exits 0, nothing on stderr" quiet_ok r ./files/read_vector_int
same_file "read_vector_int prints 1, 3, 5, ..., 1999, one per line" want.vec r.out
check "read_vector_int FILE exits 0" quiet_ok r ./files/read_vector_int v0.data
same_file "read_vector_int FILE prints the 1000 numbers" want.vec r.out
cp file.data vector.data

# ---- fwrite_char_int / fread_char_int ----------------------------------------
check "fwrite_char_int exits 0, nothing on stderr" quiet_ok w ./files/fwrite_char_int
check "fwrite_char_int: stdout is empty" test ! -s w.out
check "fwrite_char_int writes log_fopen.data byte for byte as write_char_int's file" cmp -s log_fopen.data char_int.data
check "fread_char_int exits 0, nothing on stderr" quiet_ok r ./files/fread_char_int
same_file "fread_char_int prints the slide's 100 lines" want.rec r.out
check "fread_char_int reads write_char_int's file too (same format)" quiet_ok r ./files/fread_char_int char_int.data
same_file "fread_char_int FILE prints the 100 lines" want.rec r.out
check "read_char_int reads fwrite_char_int's file too" quiet_ok r ./files/read_char_int log_fopen.data
same_file "read_char_int on fwrite's file prints the 100 lines" want.rec r.out
cp log_fopen.data fwrite.data

# ---- fprintf_char_int / fscanf_char_int --------------------------------------
check "fprintf_char_int exits 0, nothing on stderr" quiet_ok w ./files/fprintf_char_int
check "fprintf_char_int: stdout is empty" test ! -s w.out
same_file "claim 13: the fprintf file is readable text, 200 lines: lluis, 0, lluis, 1, ..." want.txt log_fopen.data
check "fscanf_char_int exits 0, nothing on stderr" quiet_ok r ./files/fscanf_char_int
same_file "fscanf_char_int prints the slide's 100 lines" want.rec r.out
check "fprintf_char_int FILE exits 0" quiet_ok w ./files/fprintf_char_int text.data
check "fscanf_char_int FILE exits 0" quiet_ok r ./files/fscanf_char_int text.data
same_file "fscanf_char_int FILE prints the 100 lines" want.rec r.out
cp log_fopen.data text.data

# ---- claim 14: system calls, counted with strace ------------------------------
# calls CALLS FILE CMD...: run CMD under strace and print how many of the system
# calls CALLS (comma-separated) it made on FILE (-P: that file only, not the
# dynamic loader's, say; FILE must exist for strace to resolve the name).
calls() {
    _c=$1 _f=$2; shift 2
    ASAN_OPTIONS=detect_leaks=0 strace -o strace.log -e trace="$_c" -P "$_f" "$@" >/dev/null 2>&1
    grep -cE "^($(echo "$_c" | tr , '|'))\(" strace.log
}
# calls_are DESC N LOW HIGH: ok when LOW <= N <= HIGH.
calls_are() {
    if [ "$2" -ge "$3" ] && [ "$2" -le "$4" ]; then ok "$1"; echo "#   $2 call(s)"
    else not_ok "$1" "counted $2 call(s)"; fi
}
C1="claim 14: write_vector_int writes its 1000 ints with 1 write() call"
C2="claim 14: write_char_int's loop costs 200 write() calls (2 per record)"
C3="claim 14: stdio gathers fwrite_char_int's 200 fwrite() calls into a few write() calls"
C4="claim 14: read_vector_int reads the 1000 ints with 1 read() call"
C5="claim 14: read_char_int's loop costs 201 read() calls (2 per record, 1 to see the end)"
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
    : >st.data
    calls_are "$C1" "$(calls write st.data ./files/write_vector_int st.data)" 1 1
    calls_are "$C2" "$(calls write st.data ./files/write_char_int st.data)" 200 200
    calls_are "$C3" "$(calls write,writev st.data ./files/fwrite_char_int st.data)" 1 9   # musl flushes with writev()
    cp vector.data st.data
    calls_are "$C4" "$(calls read st.data ./files/read_vector_int st.data)" 1 1
    cp char_int.data st.data
    calls_are "$C5" "$(calls read st.data ./files/read_char_int st.data)" 201 201
else
    for c in "$C1" "$C2" "$C3" "$C4" "$C5"; do skip "$c" "strace not installed or not allowed to trace"; done
fi

# ---- claims 11 and 12: stdio_visible, driven a line at a time -----------------
# Its stdin is the FIFO ctl, which this shell holds open read-write on fd 3:
# neither side's open() blocks, and `echo >&3` presses Enter.  The child closes
# its copy of fd 3.  Between the Enters, other processes (wc, read_char_int)
# look at the file while the writer is still running.
mkfifo ctl
exec 3<>ctl
start_visible() {
    _nm=$1; shift
    start "$_nm" sh -c 'exec 3>&-; exec ./files/stdio_visible "$@" <ctl' sh "$@"
    V=$LAST
}
# waits_at NAME CALL: NAME printed "Premeu Enter per fer CALL" and is still running.
waits_at() {
    if wait_for 10 contains "$1.out" "Premeu Enter per fer $2"; then return 0; fi
    echo "#   no 'Premeu Enter per fer $2' from stdio_visible: $(cat "$1.out" "$1.err")"
    return 1
}

start_visible sf fwrite vis.data
check "stdio_visible fwrite waits before fflush()" waits_at sf "fflush()"
check "claim 12: after fwrite() without fflush, the file is empty for another process (wc -c)" is_size vis.data 0
check "claim 12: ... and the writer is still running, holding the data in its buffer" running "$V"
expect_fail "claim 12: read_char_int, in another process, finds only an empty file before fflush()" \
    "vis.data: empty file" ./files/read_char_int vis.data
echo >&3
check "stdio_visible fwrite waits before fclose()" waits_at sf "fclose()"
check "claim 12: after fflush(), before fclose(), another process sees all $((100 * REC)) bytes" is_size vis.data $((100 * REC))
check "claim 12: ... while the writer still has the file open" running "$V"
check "claim 12: after fflush(), read_char_int reads the 100 records" quiet_ok r ./files/read_char_int vis.data
same_file "claim 12: ... and prints the 100 lines" want.rec r.out
echo >&3
check "stdio_visible fwrite exits 0" exits_with "$V" 0
cat >want.sf <<EOF
Escric 100 registres a vis.data amb fwrite()
Escrits $((100 * REC)) bytes, sense fflush(): el fitxer en fa 0 (les dades són al buffer del FILE, dins d'aquest procés)
Premeu Enter per fer fflush() (mentrestant, mireu vis.data des d'un altre terminal)
Fet fflush(): el fitxer en fa $((100 * REC)) (ara qualsevol procés les pot llegir)
Premeu Enter per fer fclose() (mentrestant, mireu vis.data des d'un altre terminal)
Fet fclose(): fi
EOF
same_file "stdio_visible fwrite tells the story step by step" want.sf sf.out

start_visible sw write vis.data
check "stdio_visible write waits before close()" waits_at sw "close()"
check "claim 11: right after write(), another process sees all $((100 * REC)) bytes (no close, no sync)" is_size vis.data $((100 * REC))
check "claim 11: ... while the writer still has the file open" running "$V"
check "claim 11: read_char_int reads the 100 records at once, before the writer closes" quiet_ok r ./files/read_char_int vis.data
same_file "claim 11: ... and prints the 100 lines" want.rec r.out
echo >&3
check "stdio_visible write exits 0" exits_with "$V" 0
cat >want.sw <<EOF
Escric 100 registres a vis.data amb write()
Escrits $((100 * REC)) bytes amb write(): el fitxer ja en fa $((100 * REC)) (són al buffer del sistema operatiu, comú a tots els processos)
Premeu Enter per fer close() (mentrestant, mireu vis.data des d'un altre terminal)
Fet close(): fi
EOF
same_file "stdio_visible write tells the story step by step" want.sw sw.out

# More than a buffer: stdio writes out the full buffers as it goes, not the rest.
start_visible sb fwrite big.data 10000
check "stdio_visible fwrite, 10000 records, waits before fflush()" waits_at sb "fflush()"
n=$(bytes big.data)
if [ "$n" -gt 0 ] && [ "$n" -lt $((10000 * REC)) ]; then
    ok "claim 12: with 10000 records, the full buffers reach the file before fflush(), the rest does not"
    echo "#   $n of $((10000 * REC)) bytes in the file before fflush()"
else
    not_ok "claim 12: with 10000 records, part of the data reaches the file before fflush()" "file has $n of $((10000 * REC)) bytes"
fi
echo >&3
check "stdio_visible fwrite, 10000 records, waits before fclose()" waits_at sb "fclose()"
check "claim 12: ... and fflush() writes out the rest" is_size big.data $((10000 * REC))
echo >&3
check "stdio_visible fwrite FILE 10000 exits 0" exits_with "$V" 0
exec 3>&-

check "stdio_visible runs straight through at the end of its input" quiet_ok s ./files/stdio_visible fwrite eof.data
check "stdio_visible at the end of input still writes the whole file" is_size eof.data $((100 * REC))

# ---- -h and bad arguments -----------------------------------------------------
for p in write_char_int read_char_int write_vector_int read_vector_int \
         fwrite_char_int fread_char_int fprintf_char_int fscanf_char_int stdio_visible; do
    check "$p -h prints its usage" usage_ok "$p"
done
for p in write_char_int read_char_int write_vector_int read_vector_int \
         fwrite_char_int fread_char_int fprintf_char_int fscanf_char_int; do
    expect_fail "$p: two paths" "usage: $p [FILE]" "./files/$p" a.data b.data
done
expect_fail "read_char_int: unknown option" "usage" ./files/read_char_int -x
expect_fail "fprintf_char_int: unknown option" "usage" ./files/fprintf_char_int -x
expect_fail "stdio_visible: no mode" "usage" ./files/stdio_visible
expect_fail "stdio_visible: unknown mode" "usage" ./files/stdio_visible fprintf
expect_fail "stdio_visible: record count 0" "bad record count '0'" ./files/stdio_visible write x.data 0
expect_fail "stdio_visible: negative record count" "bad record count '-5'" ./files/stdio_visible write x.data -5
expect_fail "stdio_visible: non-numeric record count" "bad record count 'abc'" ./files/stdio_visible write x.data abc
expect_fail "stdio_visible: huge record count" "bad record count" ./files/stdio_visible fwrite x.data 99999999999999999999
expect_fail "stdio_visible: too many arguments" "usage" ./files/stdio_visible write x.data 5 6
check "stdio_visible: no file written on bad arguments" test ! -e x.data

# ---- bad files given to the readers (issue 4) ----------------------------------
# Each: one line on stderr saying what is wrong, exit 1, nothing on stdout.
: >empty.data
mkdir adir
dd if=char_int.data of=trunc.data bs=$((37 * REC + 3)) count=1 2>/dev/null
dd if=vector.data of=vtrunc.data bs=1234 count=1 2>/dev/null
dd if=/dev/zero bs=1000 count=1 2>/dev/null | tr '\0' '\377' >garbage.data
cp char_int.data bad50.data
printf '\377' | dd of=bad50.data bs=1 seek=$((50 * REC + 5)) conv=notrunc 2>/dev/null
cp char_int.data trail.data && printf 'x' >>trail.data
cp vector.data vtrail.data && printf 'x' >>vtrail.data
sed -n '1,74p' want.txt >ttrunc.data && printf 'llu' >>ttrunc.data      # 37 records and "llu"
sed '101s/.*/51/' want.txt >tbad50.data                                 # record 50 says 51
sed '1s/.*/lluisXYZ/' want.txt >tlong.data
sed '21s/.*/lluis_is_a_very_long_word/' want.txt >tlong10.data
sed '2s/.*/12345678901234567890/' want.txt >tbignum.data
cp want.txt ttrail.data && printf 'lluis\n100\n' >>ttrail.data
cp char_int.data noperm.data && chmod 000 noperm.data

for p in read_char_int fread_char_int fscanf_char_int read_vector_int; do
    case $p in read_*) op=open ;; *) op=fopen ;; esac
    expect_fail "$p: missing file" "$p: $op nofile.data: No such file or directory" "./files/$p" nofile.data
    expect_fail "$p: empty file" "$p: empty.data: empty file" "./files/$p" empty.data
    expect_fail "$p: a directory" "adir: Is a directory" "./files/$p" adir
    if [ "$(id -u)" = 0 ]; then
        skip "$p: no read permission" "running as root, who may read anything"
    else
        expect_fail "$p: no read permission" "$p: $op noperm.data: Permission denied" "./files/$p" noperm.data
    fi
done

expect_fail "read_char_int: truncated mid-record" "read_char_int: trunc.data: truncated after 37 records" ./files/read_char_int trunc.data
expect_fail "fread_char_int: truncated mid-record" "fread_char_int: trunc.data: truncated after 37 records" ./files/fread_char_int trunc.data
expect_fail "fscanf_char_int: truncated mid-record" "fscanf_char_int: ttrunc.data: truncated after 37 records" ./files/fscanf_char_int ttrunc.data
expect_fail "read_vector_int: truncated mid-int" "read_vector_int: vtrunc.data: truncated: 1234 bytes" ./files/read_vector_int vtrunc.data
expect_fail "read_vector_int: a record file (too short)" "truncated: $((100 * REC)) bytes" ./files/read_vector_int char_int.data

expect_fail "read_char_int: garbage bytes" "garbage.data: bad record 0" ./files/read_char_int garbage.data
expect_fail "fread_char_int: garbage bytes" "garbage.data: bad record 0" ./files/fread_char_int garbage.data
expect_fail "fscanf_char_int: garbage bytes" "garbage.data: not a text file (byte 0xff in record 0)" ./files/fscanf_char_int garbage.data
expect_fail "read_vector_int: garbage bytes of the wrong size" "garbage.data: truncated: 1000 bytes" ./files/read_vector_int garbage.data

expect_fail "read_char_int: one bad record in the middle, none of the 50 good ones printed" \
    "bad50.data: bad record 50: expected \"lluis\" and 50" ./files/read_char_int bad50.data
expect_fail "fread_char_int: one bad record in the middle" "bad50.data: bad record 50" ./files/fread_char_int bad50.data
expect_fail "fscanf_char_int: one bad record in the middle" "tbad50.data: bad record 50" ./files/fscanf_char_int tbad50.data

expect_fail "read_char_int: text file given to a binary reader" "text.data: bad record 0" ./files/read_char_int text.data
expect_fail "fread_char_int: text file given to a binary reader" "text.data: bad record 0" ./files/fread_char_int text.data
expect_fail "read_vector_int: text file given to a binary reader" "text.data: truncated" ./files/read_vector_int text.data
expect_fail "fscanf_char_int: binary file given to the text reader" "fwrite.data: not a text file (byte 0x00 in record 0)" ./files/fscanf_char_int fwrite.data
expect_fail "read_char_int: the vector file" "vector.data: bad record 0" ./files/read_char_int vector.data

expect_fail "fscanf_char_int: a word longer than its buffer" "tlong.data: record 0: word longer than 5 characters" ./files/fscanf_char_int tlong.data
expect_fail "fscanf_char_int: a long word in record 10" "tlong10.data: record 10: word longer than 5 characters" ./files/fscanf_char_int tlong10.data
expect_fail "fscanf_char_int: a number too big for %9d" "tbignum.data: bad record 0" ./files/fscanf_char_int tbignum.data

expect_fail "read_char_int: trailing data" "trail.data: trailing data after 100 records" ./files/read_char_int trail.data
expect_fail "fread_char_int: trailing data" "trail.data: trailing data after 100 records" ./files/fread_char_int trail.data
expect_fail "fscanf_char_int: trailing data" "ttrail.data: trailing data after 100 records" ./files/fscanf_char_int ttrail.data
expect_fail "read_vector_int: trailing data" "vtrail.data: trailing data: $((1000 * INT + 1)) bytes" ./files/read_vector_int vtrail.data

# A reader whose stdout cannot be written says so (the records are buffered).
if [ -c /dev/full ]; then
    for p in read_char_int:char_int.data read_vector_int:vector.data; do
        f=${p#*:} p=${p%:*}
        "./files/$p" "$f" >/dev/full 2>full.err; st=$?
        if [ "$st" -eq 1 ] && [ "$(wc -l <full.err)" -eq 1 ] && contains full.err "$p: write stdout: No space left on device"; then
            ok "$p: stdout on a full device"
        else
            not_ok "$p: stdout on a full device" "exit $st, stderr: $(cat full.err)"
        fi
    done
else
    skip "read_char_int: stdout on a full device" "no /dev/full"
    skip "read_vector_int: stdout on a full device" "no /dev/full"
fi

# ---- unwritable outputs for the writers (issue 4) --------------------------------
mkdir outdir && echo precious >outdir/keep
echo precious >keep.txt
cp char_int.data ro.data && chmod 444 ro.data
for p in write_char_int write_vector_int fwrite_char_int fprintf_char_int; do
    case $p in write_*) op=open last=write ;; *) op=fopen last=fclose ;; esac
    expect_fail "$p: output in a missing directory" "$p: $op nodir/out.data: No such file or directory" "./files/$p" nodir/out.data
    expect_fail "$p: output is a directory" "$p: $op outdir: Is a directory" "./files/$p" outdir
    expect_fail "$p: output under a regular file" "$p: $op keep.txt/out.data: Not a directory" "./files/$p" keep.txt/out.data
    if [ -c /dev/full ]; then
        expect_fail "$p: full device, error reported by $last()" "$p: $last /dev/full: No space left on device" "./files/$p" /dev/full
    else
        skip "$p: full device" "no /dev/full"
    fi
    if [ "$(id -u)" = 0 ]; then
        skip "$p: read-only output file" "running as root, who may write anything"
    else
        expect_fail "$p: read-only output file" "$p: $op ro.data: Permission denied" "./files/$p" ro.data
    fi
done
check "the directory and its file are left as they were" has_line outdir/keep precious
check "the regular file in the way is left as it was" has_line keep.txt precious
if [ "$(id -u)" != 0 ]; then
    check "the read-only file is left as it was" cmp -s ro.data char_int.data
fi
check "no writer created nodir" test ! -e nodir
expect_fail "stdio_visible: output is a directory" "stdio_visible: fopen outdir: Is a directory" ./files/stdio_visible fwrite outdir
expect_fail "stdio_visible: output in a missing directory" "stdio_visible: open nodir/v.data: No such file or directory" ./files/stdio_visible write nodir/v.data

done_testing
