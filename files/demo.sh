#!/bin/sh
# files/demo.sh — tour of regular files (make demo-files; STEP=1 waits at each step).
. "$(dirname "$0")/../tests/lib.sh"

# ends FILE: the first three and the last two lines of FILE, indented.
ends() {
    sed -n '1,3p' "$1" | sed 's/^/  /'
    echo "  ..."
    tail -n 2 "$1" | sed 's/^/  /'
}
# size FILE: its ls -l line, indented.
size() { ls -l "$1" | sed 's/^/  /'; }
# reads PROG [FILE]: run a reader into lectura.txt, stop the tour if it fails.
reads() {
    "./files/$1" ${2:+"$2"} >lectura.txt 2>lectura.err ||
        demo_fail "$1 failed: $(cat lectura.err)"
}

heading "Arxius amb crides a sistema: write_char_int i read_char_int"

step "L'escriptor desa 100 registres (\"lluis\" i un enter) tal com són a memòria, amb 200 crides a write()" \
     "./files/write_char_int"
./files/write_char_int || demo_fail "write_char_int failed"
size file.data
echo "  (100 registres x (5 + sizeof(int)) bytes)"

step "Els bytes del fitxer: les lletres, i l'enter en binari (0, 1, 2, ...)" \
     "od -c file.data | head -n 3"
od -c file.data | head -n 3 | sed 's/^/  /'

step "El lector els llegeix amb read() i els mostra" \
     "./files/read_char_int"
reads read_char_int
ends lectura.txt

heading "Un vector sencer amb una sola crida: write_vector_int i read_vector_int"

step "L'escriptor desa 1000 enters (1, 3, 5, ...) amb un sol write()" \
     "./files/write_vector_int"
./files/write_vector_int || demo_fail "write_vector_int failed"
size file.data
echo "  (1000 x sizeof(int) bytes)"

step "El lector els llegeix amb un sol read() i n'escriu un per línia" \
     "./files/read_vector_int"
reads read_vector_int
ends lectura.txt

heading "La llibreria estàndard: fwrite_char_int i fread_char_int"

step "Els mateixos registres amb fwrite(): els mateixos bytes, però stdio els agrupa en el seu buffer" \
     "./files/fwrite_char_int"
./files/fwrite_char_int || demo_fail "fwrite_char_int failed"
size log_fopen.data

step "El lector fa servir fread()" \
     "./files/fread_char_int"
reads fread_char_int
ends lectura.txt

heading "En text: fprintf_char_int i fscanf_char_int"

step "Ara en representació humana, amb fprintf(): el fitxer es pot llegir amb cat" \
     "./files/fprintf_char_int"
./files/fprintf_char_int || demo_fail "fprintf_char_int failed"
size log_fopen.data
head -n 4 log_fopen.data | sed 's/^/  /'

step "El lector fa servir fscanf(fp, \"%5s\", a) i fscanf(fp, \"%d\", &k)" \
     "./files/fscanf_char_int"
reads fscanf_char_int
ends lectura.txt

step "Un altre escriptor (aquí awk) amb uns altres valors, i * 7: el lector llegeix el format, sigui quin sigui el valor" \
     "awk 'BEGIN { for (i = 0; i < 100; i++) print \"pere\\n\" i * 7 }' >log_fopen.data; ./files/fscanf_char_int"
awk 'BEGIN { for (i = 0; i < 100; i++) print "pere\n" i * 7 }' >log_fopen.data
reads fscanf_char_int
ends lectura.txt

step "Un fitxer que s'acaba abans d'hora: el lector mostra els registres sencers i després ho diu en una línia" \
     "head -n 75 log_fopen.data >tallat.data; ./files/fscanf_char_int tallat.data"
head -n 75 log_fopen.data >tallat.data
if ./files/fscanf_char_int tallat.data >lectura.txt 2>lectura.err; then
    demo_fail "fscanf_char_int accepted a cut file"
fi
sed -n '36,37p' lectura.txt | sed 's/^/  /'
sed 's/^/  /' lectura.err

heading "El buffer propi de stdio no el veu cap altre procés: stdio_visible"

# stdio_visible waits for Enter between steps.  Its stdin is the FIFO ctl,
# which this script holds open on fd 3 (read-write: no open() blocks); a line
# written there is the Enter a student would press in terminal 1.
mkfifo ctl
exec 3<>ctl
shown=0
# new_lines NAME LABEL: what NAME printed since the last call, tagged LABEL.
new_lines() {
    _t=$(wc -l <"$1.out")
    [ "$_t" -gt "$shown" ] && sed -n "$((shown + 1)),${_t}p" "$1.out" | sed "s/^/  [$2] /"
    shown=$_t
}
# waits_at NAME CALL: NAME is now waiting for Enter before CALL.
waits_at() {
    wait_for 10 contains "$1.out" "Premeu Enter per fer $2" ||
        demo_fail "stdio_visible did not reach $2: $(cat "$1.out" "$1.err")"
}
# look EXPECT: terminal 2 looks at file.data (ls -l and read_char_int); EXPECT
# is ok or fail, what read_char_int must do now.
look() {
    size file.data | sed 's/^ /  [terminal 2]/'
    if ./files/read_char_int >lectura.txt 2>lectura.err; then
        [ "$1" = ok ] || demo_fail "read_char_int read records that should not be there yet"
        sed -n '1p;$p' lectura.txt | sed 's/^/  [terminal 2] /'
    else
        [ "$1" = fail ] || demo_fail "read_char_int failed: $(cat lectura.err)"
        sed 's/^/  [terminal 2] /' lectura.err
    fi
}

step "Terminal 1: escriu 100 registres a file.data amb fwrite() i espera abans de fer fflush()" \
     "./files/stdio_visible fwrite"
start t1 sh -c 'exec 3>&-; exec ./files/stdio_visible fwrite <ctl'
T1=$LAST
waits_at t1 "fflush()"
new_lines t1 "terminal 1"

step "Terminal 2: un altre procés mira el fitxer: és buit, les dades són al buffer del procés 1" \
     "ls -l file.data; ./files/read_char_int"
look fail

step "Terminal 1: premem Enter; fflush() passa el buffer al sistema operatiu amb write()" \
     "(Enter)"
echo >&3
waits_at t1 "fclose()"
new_lines t1 "terminal 1"

step "Terminal 2: ara sí que hi són, encara que el procés 1 no ha tancat el fitxer" \
     "ls -l file.data; ./files/read_char_int"
look ok

step "Terminal 1: Enter de nou, i fclose()" "(Enter)"
echo >&3
exits_with "$T1" 0 >/dev/null || demo_fail "stdio_visible fwrite failed: $(cat t1.err)"
new_lines t1 "terminal 1"

step "Terminal 1: el mateix amb write(): les dades van directament al buffer del sistema operatiu" \
     "./files/stdio_visible write"
shown=0
start t1 sh -c 'exec 3>&-; exec ./files/stdio_visible write <ctl'
T1=$LAST
waits_at t1 "close()"
new_lines t1 "terminal 1"

step "Terminal 2: l'altre procés ja ho veu tot, sense esperar ni close() ni el disc" \
     "ls -l file.data; ./files/read_char_int"
look ok

step "Terminal 1: Enter, i close()" "(Enter)"
echo >&3
exits_with "$T1" 0 >/dev/null || demo_fail "stdio_visible write failed: $(cat t1.err)"
new_lines t1 "terminal 1"
exec 3>&-
