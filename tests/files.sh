#!/bin/sh
# tests/files.sh — regular files: write()/read(), one write() of a vector,
# fwrite()/fread(), fprintf()/fscanf(), and stdio_visible (claims 11-14), the
# readers on files of their writer's format with other values, and bad files,
# arguments and outputs.
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

# fails_after DESC N WANT PATTERN CMD...: CMD reads records, then meets an
# error: it prints the first N lines of WANT (when WANT is -, N records
# "Llegit: ..." whatever they say: a name's bytes may hold a newline), then
# exactly one line on stderr that contains PATTERN, and
# exits 1.  A second run with stderr into the same file shows the error line
# comes after the records.
fails_after() {
    _d=$1 _n=$2 _w=$3 _pat=$4; shift 4
    "$@" >fa.out 2>fa.err </dev/null
    _st=$?
    "$@" >fa.all 2>&1 </dev/null
    if [ "$_w" = - ]; then
        cp fa.out fa.want; _lines=$(grep -c '^Llegit: ' fa.out)
    else
        head -n "$_n" "$_w" >fa.want; _lines=$(wc -l <fa.out)
    fi
    if [ "$_st" -eq 1 ] && [ "$_lines" -eq "$_n" ] && cmp -s fa.want fa.out &&
       [ "$(wc -l <fa.err)" -eq 1 ] && grep -qF -- "$_pat" fa.err &&
       cmp -s fa.out "$(sed '$d' fa.all >fa.head && echo fa.head)" && tail -n 1 fa.all | grep -qF -- "$_pat"; then
        ok "$_d"
    else
        not_ok "$_d" "command: $*" "exit status: $_st (wanted 1)" \
            "stdout: $_lines records (wanted $_n); differs from the wanted lines: $(cmp fa.want fa.out 2>&1)" \
            "stderr (wanted one line with '$_pat'): $(head -c 300 fa.err)" \
            "stdout and stderr together, last line: $(tail -n 1 fa.all | head -c 300)"
    fi
}

# sizeof(int), honestly and without a compiler: od's "I" type is this
# system's C int, so 16 bytes make 16/sizeof(int) numbers.  Cross-checked
# below with getconf WORD_BIT and with the file write_vector_int makes.
INT=$((16 / $(printf '%016d' 0 | od -An -v -t dI | wc -w)))
REC=$((5 + INT))                        # bytes of one record: "lluis" and an int
VEC=$((1000 * INT))                     # bytes of read_vector_int's vector
# This machine's byte order: 1 when the int 1 is stored lowest byte first.
LE=0
[ "$(printf '\001\000\000\000\000\000\000\000' | od -An -t dI -N "$INT" | tr -d ' ')" = 1 ] && LE=1

# all_records_ok FILE: FILE holds 100 records, record i at offset i*(5+sizeof(int))
# being the five bytes "lluis" and then the int i, as od decodes it.  awk takes
# the bytes apart (od -t u1), checks the names and gathers the ints' bytes; od
# -t dI then decodes those as this system's ints (one od for the whole file).
all_records_ok() {
    # shellcheck disable=SC2059             # the format is the data, by design
    _ints=$(od -An -v -t u1 "$1" | awk -v rec="$REC" '
        BEGIN { split("108 108 117 105 115", name, " ") }
        { for (f = 1; f <= NF; f++) {
              k = n % rec; n++
              if (k < 5) { if ($f != name[k + 1]) bad = 1 } else printf "\\%03o", $f
          } }
        END { exit bad || n != 100 * rec }') &&
        printf "$_ints" | od -An -v -t dI | tr -s ' ' '\n' | grep . >records.int &&
        awk 'BEGIN { for (i = 0; i < 100; i++) print i }' | cmp -s - records.int
}

# binary FILE N WORD MULT: N records in write_char_int's format, made by the
# shell instead of the writer: the 5 bytes of WORD (if not empty), then the int
# i*MULT (i = 0, 1, ...) as this machine stores it (sizeof(int) bytes, its byte
# order, two's complement).  awk (POSIX) spells the bytes as printf's octal
# escapes, and printf writes them.  `binary F 1000 "" 7` is a vector file.
binary() {
    # shellcheck disable=SC2059             # the format is the data, by design
    printf "$(awk -v n="$2" -v w="$3" -v m="$4" -v size="$INT" -v le="$LE" '
        function int_bytes(v,   s, b, j) {
            if (v < 0) v += 2 ^ (8 * size)
            s = ""
            for (j = 0; j < size; j++) {
                b = v % 256; v = (v - b) / 256
                s = le ? s sprintf("\\%03o", b) : sprintf("\\%03o", b) s
            }
            return s
        }
        BEGIN { for (i = 0; i < n; i++) printf "%s%s", w, int_bytes(i * m) }')" >"$1"
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

check "write_char_int exits 0, nothing on stderr (umask 022)" quiet_ok w sh -c 'umask 022 && exec ./files/write_char_int'
check "write_char_int: stdout is empty" test ! -s w.out
check "claim 13: write_char_int's file is 100 x (5 + sizeof(int)) = $((100 * REC)) bytes" is_size file.data $((100 * REC))
check "claim 13: record i of file.data is \"lluis\" then the int i, at offset i x (5 + sizeof(int))" all_records_ok file.data
check "write_char_int creates file.data rw-r--r-- (the slide's mode, umask 022)" mode_is file.data -rw-r--r--
check "read_char_int exits 0, nothing on stderr" quiet_ok r ./files/read_char_int
same_file "read_char_int prints the slide's 100 lines" want.rec r.out
cp file.data char_int.data

(umask 0 && ./files/write_char_int umask0.data)
check "write_char_int: mode is rw-r--r-- even with umask 0 (the slide's mode is the most it gets)" mode_is umask0.data -rw-r--r--
(umask 077 && ./files/write_char_int umask77.data)
check "write_char_int: mode is rw------- with umask 077 (the umask takes away from it)" mode_is umask77.data -rw-------
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x" }' >long.data
./files/write_char_int long.data
check "write_char_int truncates an existing longer file (O_TRUNC)" cmp -s long.data char_int.data

# ---- write_vector_int / read_vector_int --------------------------------------
check "write_vector_int exits 0, nothing on stderr" quiet_ok w ./files/write_vector_int
check "write_vector_int: stdout is empty" test ! -s w.out
check "claim 13: write_vector_int's file is 1000 x sizeof(int) = $VEC bytes" is_size file.data "$VEC"
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

# ---- the readers read any file of their writer's format -----------------------
# A changed writer (i * 7, another name) is the slides' first exercise: the
# files below are made by the shell, not by our writers, and each reader must
# print what is in them.  First the maker itself is checked against the writers.
binary gen.data 100 lluis 1
check "the shell's record maker gives write_char_int's bytes for i (so its files below are right)" cmp -s gen.data char_int.data
binary genv.data 1000 "" 1
od -An -v -t dI genv.data | tr -s ' ' '\n' | grep . >od.gen
check "the shell's int maker gives the ints 0..999 that od decodes" \
    cmp -s od.gen "$(awk 'BEGIN { for (i = 0; i < 1000; i++) print i }' >seq.vec && echo seq.vec)"

binary seven.data 100 maria 7
awk 'BEGIN { for (i = 0; i < 100; i++) print "Llegit: maria y " i * 7 }' >want.seven
for p in read_char_int fread_char_int; do
    check "$p reads a file of i * 7 (another writer's values), exit 0" quiet_ok r "./files/$p" seven.data
    same_file "$p prints \"Llegit: maria y 0\", \"... y 7\", ..., \"... y 693\"" want.seven r.out
done
binary neg.data 100 'a b.c' -21474836
awk 'BEGIN { for (i = 0; i < 100; i++) print "Llegit: a b.c y " i * -21474836 }' >want.neg
for p in read_char_int fread_char_int; do
    check "$p reads any 5 bytes and any int (negative, large), exit 0" quiet_ok r "./files/$p" neg.data
    same_file "$p prints them as they are, down to $((99 * -21474836))" want.neg r.out
done
dd if=/dev/zero bs=$((100 * REC)) count=1 2>/dev/null | tr '\0' '\377' >ones.data
i=0
while [ "$i" -lt 100 ]; do printf 'Llegit: \377\377\377\377\377 y -1\n'; i=$((i + 1)); done >want.ones
check "read_char_int reads 100 records of bytes 0xff, exit 0" quiet_ok r ./files/read_char_int ones.data
same_file "read_char_int prints them: five bytes 0xff and the int -1" want.ones r.out

binary vseven.data 1000 "" 7
awk 'BEGIN { for (i = 0; i < 1000; i++) print i * 7 }' >want.vseven
check "read_vector_int reads a vector of i * 7, exit 0" quiet_ok r ./files/read_vector_int vseven.data
same_file "read_vector_int prints 0, 7, ..., 6993" want.vseven r.out

awk 'BEGIN { for (i = 0; i < 100; i++) print "pere\n" i * 7 }' >tseven.data
awk 'BEGIN { for (i = 0; i < 100; i++) print "Llegit: pere y " i * 7 }' >want.tseven
check "fscanf_char_int reads an awk-made text file of \"pere\" and i * 7, exit 0" quiet_ok r ./files/fscanf_char_int tseven.data
same_file "fscanf_char_int prints \"Llegit: pere y 0\", ..., \"... y 693\"" want.tseven r.out
# Words of 1 to 5 letters, numbers down to -2125008764, blanks of any kind.
awk 'BEGIN { for (i = 0; i < 100; i++) printf "  %s\t%d\n\n", substr("abcde", 1, i % 5 + 1), (0 - i) * 21474836 }' >tany.data
awk 'BEGIN { for (i = 0; i < 100; i++) printf "Llegit: %s y %d\n", substr("abcde", 1, i % 5 + 1), (0 - i) * 21474836 }' >want.tany
check "fscanf_char_int reads any word of up to 5 letters, any int, any blanks, exit 0" quiet_ok r ./files/fscanf_char_int tany.data
same_file "fscanf_char_int prints each word and number as they are" want.tany r.out

# From anything, not only a regular file: a pipe, a device.
dd if=vseven.data of=vshort.in bs=$((VEC - 1)) count=1 2>/dev/null
cp vseven.data vlong.in && printf x >>vlong.in
if [ -r /dev/stdin ] && [ -r /dev/zero ]; then
    check "read_char_int reads records from a pipe (/dev/stdin), exit 0" quiet_ok r sh -c 'cat seven.data | exec ./files/read_char_int /dev/stdin'
    same_file "... and prints the same lines as from the file" want.seven r.out
    check "read_vector_int reads exactly 1000 ints from a pipe (/dev/stdin), exit 0" quiet_ok r sh -c 'cat vseven.data | exec ./files/read_vector_int /dev/stdin'
    same_file "... and prints the same numbers as from the file" want.vseven r.out
    check "read_vector_int reads $VEC zero bytes from a pipe, exit 0" \
        quiet_ok r sh -c 'dd if=/dev/zero bs="$1" count=1 2>/dev/null | exec ./files/read_vector_int /dev/stdin' sh "$VEC"
    check "... and prints 1000 lines of 0" [ "$(grep -cx 0 r.out)" -eq 1000 ]
    expect_fail "read_vector_int refuses $((VEC - 1)) bytes from a pipe, prints nothing" \
        "read_vector_int: /dev/stdin: el fitxer s'acaba a mig registre ($((VEC - 1)) de $VEC bytes)" \
        sh -c 'cat vshort.in | exec ./files/read_vector_int /dev/stdin'
    expect_fail "read_vector_int refuses $((VEC + 1)) bytes from a pipe, prints nothing" \
        "read_vector_int: /dev/stdin: hi ha més dades de les esperades" \
        sh -c 'cat vlong.in | exec ./files/read_vector_int /dev/stdin'
    expect_fail "read_vector_int refuses a device with more than 1000 ints (/dev/zero)" \
        "read_vector_int: /dev/zero: hi ha més dades de les esperades" ./files/read_vector_int /dev/zero
else
    skip "the readers read from a pipe and a device" "no /dev/stdin or /dev/zero here"
fi

# ---- files that end early, are empty, or go on: records first, then one error --
# Each reader prints the records it could read, then one line on stderr, exit 1.
: >empty.data
dd if=char_int.data of=trunc3.data bs=$((37 * REC + 3)) count=1 2>/dev/null       # 37 records, 3 bytes of a name
dd if=char_int.data of=trunci.data bs=$((37 * REC + 7)) count=1 2>/dev/null       # 37 records, a name, 2 bytes of an int
dd if=char_int.data of=trunc37.data bs=$((37 * REC)) count=1 2>/dev/null          # 37 whole records only
cp char_int.data trail.data && printf 'x' >>trail.data
dd if=vector.data of=vtrunc.data bs=1234 count=1 2>/dev/null
cp vector.data vtrail.data && printf 'x' >>vtrail.data
sed -n '1,74p' want.txt >ttrunc.data && printf 'llu' >>ttrunc.data      # 37 records and "llu"
sed -n '1,75p' want.txt >tword.data                                    # 37 records and a word
sed -n '1,74p' want.txt >t37.data                                      # 37 whole records
sed '21s/.*/lluis_is_a_long_word/' want.txt >tlong10.data              # record 10: a word of 20 letters
sed '101s/.*/cinquanta/' want.txt >tnan50.data                         # record 50: no number
cp want.txt ttrail.data && printf 'lluis\n100\n' >>ttrail.data
cp want.txt tblank.data && printf '\n  \n\t\n' >>tblank.data           # blanks after the end are fine

for p in read_char_int fread_char_int; do
    fails_after "$p: a file cut inside a name: the 37 whole records, then the error" 37 want.rec \
        "$p: trunc3.data: el fitxer s'acaba a mig registre" "./files/$p" trunc3.data
    fails_after "$p: a file cut inside an int: the 37 whole records, then the error" 37 want.rec \
        "$p: trunci.data: el fitxer s'acaba a mig registre" "./files/$p" trunci.data
    fails_after "$p: a file of 37 records: the 37 records, then the error" 37 want.rec \
        "$p: trunc37.data: el fitxer s'acaba a mig registre" "./files/$p" trunc37.data
    fails_after "$p: a byte after the 100th record: the 100 records, then the error" 100 want.rec \
        "$p: trail.data: hi ha més dades de les esperades" "./files/$p" trail.data
    expect_fail "$p: empty file: one error line, nothing printed" \
        "$p: empty.data: el fitxer s'acaba a mig registre" "./files/$p" empty.data
done
fails_after "read_char_int: the error says how much of the record was there (3 of 5 bytes)" 37 want.rec \
    "read_char_int: trunc3.data: el fitxer s'acaba a mig registre (3 de 5 bytes)" ./files/read_char_int trunc3.data
fails_after "read_char_int: ... (2 of sizeof(int) bytes)" 37 want.rec \
    "read_char_int: trunci.data: el fitxer s'acaba a mig registre (2 de $INT bytes)" ./files/read_char_int trunci.data
expect_fail "read_char_int: ... (0 of 5 bytes for an empty file)" \
    "read_char_int: empty.data: el fitxer s'acaba a mig registre (0 de 5 bytes)" ./files/read_char_int empty.data

fails_after "fscanf_char_int: a file cut inside a word: the 37 records, then the error" 37 want.rec \
    "fscanf_char_int: ttrunc.data: el fitxer s'acaba a mig registre" ./files/fscanf_char_int ttrunc.data
fails_after "fscanf_char_int: a file cut after a word: the 37 records, then the error" 37 want.rec \
    "fscanf_char_int: tword.data: el fitxer s'acaba a mig registre" ./files/fscanf_char_int tword.data
fails_after "fscanf_char_int: a file of 37 records: the 37 records, then the error" 37 want.rec \
    "fscanf_char_int: t37.data: el fitxer s'acaba a mig registre" ./files/fscanf_char_int t37.data
fails_after "fscanf_char_int: a record after the 100th: the 100 records, then the error" 100 want.rec \
    "fscanf_char_int: ttrail.data: hi ha més dades de les esperades" ./files/fscanf_char_int ttrail.data
fails_after "fscanf_char_int: a word longer than a[6] holds (record 10): 10 records, then the error, no overflow" 10 want.rec \
    "fscanf_char_int: tlong10.data: format incorrecte" ./files/fscanf_char_int tlong10.data
fails_after "fscanf_char_int: a word where the number goes (record 50): 50 records, then the error" 50 want.rec \
    "fscanf_char_int: tnan50.data: format incorrecte" ./files/fscanf_char_int tnan50.data
expect_fail "fscanf_char_int: empty file: one error line, nothing printed" \
    "fscanf_char_int: empty.data: el fitxer s'acaba a mig registre" ./files/fscanf_char_int empty.data
expect_fail "fscanf_char_int: the binary file: the int after \"lluis\" is not text" \
    "fscanf_char_int: fwrite.data: format incorrecte" ./files/fscanf_char_int fwrite.data
check "fscanf_char_int: blank lines after the 100th record are no extra data, exit 0" quiet_ok r ./files/fscanf_char_int tblank.data
same_file "... and it prints the 100 lines" want.rec r.out

expect_fail "read_vector_int: 1234 bytes: one error line, nothing printed" \
    "read_vector_int: vtrunc.data: el fitxer s'acaba a mig registre (1234 de $VEC bytes)" ./files/read_vector_int vtrunc.data
expect_fail "read_vector_int: write_char_int's file is too short for a vector" \
    "read_vector_int: char_int.data: el fitxer s'acaba a mig registre ($((100 * REC)) de $VEC bytes)" ./files/read_vector_int char_int.data
expect_fail "read_vector_int: one byte more than 1000 ints" \
    "read_vector_int: vtrail.data: hi ha més dades de les esperades" ./files/read_vector_int vtrail.data
expect_fail "read_vector_int: empty file" "read_vector_int: empty.data: el fitxer s'acaba a mig registre (0 de $VEC bytes)" ./files/read_vector_int empty.data

# Another writer's format: the binary readers read the bytes as records (any 5
# bytes and any int are one) until the file stops fitting the format.
fails_after "read_char_int on the text file: $((890 / REC)) records of its bytes, then the error" $((890 / REC)) - \
    "read_char_int: text.data: el fitxer s'acaba a mig registre" ./files/read_char_int text.data
check "... the first one shows the bytes \"lluis\"" grep -q '^Llegit: lluis y ' fa.out
fails_after "fread_char_int on the vector file: 100 records of its bytes, then more data" 100 - \
    "fread_char_int: vector.data: hi ha més dades de les esperades" ./files/fread_char_int vector.data

# Files that cannot be read at all: one line, nothing printed.
mkdir adir
cp char_int.data noperm.data && chmod 000 noperm.data
for p in read_char_int:write_char_int fread_char_int:fwrite_char_int \
         fscanf_char_int:fprintf_char_int read_vector_int:write_vector_int; do
    w=${p#*:} p=${p%:*}
    expect_fail "$p: missing file, says to run $w first" \
        "$p: obrint nofile.data: No such file or directory (executeu primer ./files/$w)" "./files/$p" nofile.data
    expect_fail "$p: a directory" "$p: llegint adir: Is a directory" "./files/$p" adir
    if [ "$(id -u)" = 0 ]; then
        skip "$p: no read permission" "running as root, who may read anything"
    else
        expect_fail "$p: no read permission" "$p: obrint noperm.data: Permission denied" "./files/$p" noperm.data
    fi
done

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
C4="claim 14: read_vector_int reads the 1000 ints with 1 read() call (and 1 more that finds the end)"
C5="claim 14: read_char_int's loop costs 201 read() calls (2 per record, 1 to see the end)"
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
    : >st.data
    calls_are "$C1" "$(calls write st.data ./files/write_vector_int st.data)" 1 1
    calls_are "$C2" "$(calls write st.data ./files/write_char_int st.data)" 200 200
    calls_are "$C3" "$(calls write,writev st.data ./files/fwrite_char_int st.data)" 1 9   # musl flushes with writev()
    cp vector.data st.data
    calls_are "$C4" "$(calls read st.data ./files/read_vector_int st.data)" 2 2
    check "claim 14: ... the first read() returns all $VEC bytes, the second 0" \
        [ "$(grep -c "^read(.*, $VEC) *= $VEC\$" strace.log) $(grep -c '^read(.*, 1) *= 0$' strace.log)" = "1 1" ]
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
    "read_char_int: vis.data: el fitxer s'acaba a mig registre (0 de 5 bytes)" ./files/read_char_int vis.data
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

# ---- stdio_visible: bad arguments and outputs --------------------------------------
expect_fail "stdio_visible: no mode" "stdio_visible: falten arguments (Ús: stdio_visible fwrite|write [FITXER [REGISTRES]])" ./files/stdio_visible
expect_fail "stdio_visible: unknown mode" "stdio_visible: mode desconegut 'fprintf' (Ús:" ./files/stdio_visible fprintf
expect_fail "stdio_visible: record count 0" "stdio_visible: registres '0': com a mínim 1 (Ús:" ./files/stdio_visible write x.data 0
expect_fail "stdio_visible: negative record count" "stdio_visible: registres '-5': no és un nombre (Ús:" ./files/stdio_visible write x.data -5
expect_fail "stdio_visible: non-numeric record count" "stdio_visible: registres 'abc': no és un nombre (Ús:" ./files/stdio_visible write x.data abc
expect_fail "stdio_visible: huge record count" "stdio_visible: registres '99999999999999999999': massa gran" ./files/stdio_visible fwrite x.data 99999999999999999999
expect_fail "stdio_visible: too many arguments" "stdio_visible: massa arguments (Ús:" ./files/stdio_visible write x.data 5 6
check "stdio_visible: no file written on bad arguments" test ! -e x.data
expect_fail "stdio_visible: output is a directory" "stdio_visible: obrint outdir: Is a directory" sh -c 'mkdir outdir && exec ./files/stdio_visible fwrite outdir'
expect_fail "stdio_visible: output in a missing directory" "stdio_visible: obrint nodir/v.data: No such file or directory" ./files/stdio_visible write nodir/v.data
rmdir outdir

# ---- the output is the result: stdout on a full device ----------------------------
for p in read_char_int:char_int.data fread_char_int:fwrite.data fscanf_char_int:text.data read_vector_int:vector.data; do
    f=${p#*:} p=${p%:*}
    full_stdout "$p: stdout on a full device: exit 1, one line that says so" "./files/$p" "$f"
done
full_stdout "stdio_visible: stdout on a full device: exit 1, one line that says so" ./files/stdio_visible write full.data

# ---- -h and bad arguments -----------------------------------------------------
for p in write_char_int read_char_int write_vector_int read_vector_int \
         fwrite_char_int fread_char_int fprintf_char_int fscanf_char_int stdio_visible; do
    check "$p -h prints its usage" usage_ok "$p"
done
for p in write_char_int write_vector_int fwrite_char_int fprintf_char_int; do
    check "$p -h says FITXER names the file it creates (or empties)" sh -c './files/$1 -h | grep -q "Crea (o buida) el fitxer FITXER"' sh "$p"
done
for p in read_char_int read_vector_int fread_char_int fscanf_char_int; do
    check "$p -h says FITXER names the file it reads" sh -c './files/$1 -h | grep -q "^Llegeix .* del fitxer FITXER"' sh "$p"
done
check "write_char_int extra: creates the file \"extra\", as -h says" sh -c './files/write_char_int extra && cmp -s extra char_int.data'
for p in write_char_int read_char_int write_vector_int read_vector_int \
         fwrite_char_int fread_char_int fprintf_char_int fscanf_char_int; do
    expect_fail "$p: two paths" "$p: massa arguments (Ús: $p [FITXER])" "./files/$p" a.data b.data
    expect_fail "$p: an option it lacks" "$p: opció desconeguda '-x' (Ús: $p [FITXER])" "./files/$p" -x
done
check "no program wrote a.data or b.data on bad arguments" sh -c '[ ! -e a.data ] && [ ! -e b.data ]'

# ---- unwritable outputs for the writers -------------------------------------------
mkdir outdir && echo precious >outdir/keep
echo precious >keep.txt
cp char_int.data ro.data && chmod 444 ro.data
for p in write_char_int write_vector_int fwrite_char_int fprintf_char_int; do
    case $p in write_*) last=escrivint ;; *) last=tancant ;; esac    # stdio writes out its buffer at fclose()
    expect_fail "$p: output in a missing directory" "$p: obrint nodir/out.data: No such file or directory" "./files/$p" nodir/out.data
    expect_fail "$p: output is a directory" "$p: obrint outdir: Is a directory" "./files/$p" outdir
    expect_fail "$p: output under a regular file" "$p: obrint keep.txt/out.data: Not a directory" "./files/$p" keep.txt/out.data
    if [ -w /dev/full ]; then
        expect_fail "$p /dev/full: the full disk reported, by $last" "$p: $last /dev/full: No space left on device" "./files/$p" /dev/full
    else
        skip "$p: full device" "no /dev/full"
    fi
    if [ "$(id -u)" = 0 ]; then
        skip "$p: read-only output file" "running as root, who may write anything"
    else
        expect_fail "$p: read-only output file" "$p: obrint ro.data: Permission denied" "./files/$p" ro.data
    fi
done
check "the directory and its file are left as they were" has_line outdir/keep precious
check "the regular file in the way is left as it was" has_line keep.txt precious
if [ "$(id -u)" != 0 ]; then
    check "the read-only file is left as it was" cmp -s ro.data char_int.data
fi
check "no writer created nodir" test ! -e nodir

done_testing
