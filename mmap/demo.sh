#!/bin/sh
# mmap/demo.sh — tour of memory-mapped files (make demo-mmap; STEP=1 waits at each step).
. "$(dirname "$0")/../tests/lib.sh"

# runs NAME CMD...: run CMD in the foreground, its output in NAME.out and
# NAME.err; the tour stops if it fails.
runs() {
    _n=$1; shift
    "$@" >"$_n.out" 2>"$_n.err" || demo_fail "$* failed: $(cat "$_n.err")"
}

# show_ends NAME LABEL: like show, but only the first three lines and the last.
show_ends() {
    { sed -n '1,3p' "$1.out"; echo "..."; sed -n '$p' "$1.out"; } | sed "s/^/  [$2] /"
}

heading "Arxius mapats a memòria: mmap amb write_vector_int i read_vector_int"

step "write_vector_int escriu 1000 sencers (1, 3, 5, ..., 1999) a file.data amb un sol write()" \
     "./files/write_vector_int"
runs escriu ./files/write_vector_int
show escriu "terminal"
echo "  file.data: $(wc -c <file.data) bytes = 1000 x sizeof(int)"

step "read_vector_int el llegeix amb un sol read()" \
     "./files/read_vector_int"
runs abans ./files/read_vector_int
show_ends abans "terminal"

step "mmap mapa file.data a memòria i el fa servir com un vector: el llegeix i canvia el signe de cada sencer, sense read() ni write()" \
     "./mmap/mmap"
runs mapa ./mmap/mmap
show mapa "terminal"

step "read_vector_int torna a llegir el fitxer: el canvi fet a la memòria (MAP_SHARED) és al fitxer" \
     "./files/read_vector_int"
runs despres ./files/read_vector_int
show_ends despres "terminal"
[ "$(sed -n '1p' despres.out)" = -1 ] && [ "$(sed -n '$p' despres.out)" = -1999 ] ||
    demo_fail "read_vector_int does not see the change made by mmap"

heading "Qui veu els canvis? Un fill amb malloc(), un fill amb mmap(MAP_SHARED), un fil"

step "Amb malloc() i fork(): el fill canvia la seva còpia de les variables; el pare, després de waitpid(), no veu els canvis" \
     "./mmap/fork-variables-malloc"
runs malloc ./mmap/fork-variables-malloc
show malloc "terminal"
contains malloc.out 'pare: després de waitpid: comptador = 0, nom = "pare"' ||
    demo_fail "with malloc the parent should keep its own values"

step "Amb mmap(MAP_SHARED | MAP_ANONYMOUS) abans del fork(): pare i fill comparteixen aquesta memòria; el pare veu els canvis del fill" \
     "./mmap/fork-variables-mmap"
runs mmap ./mmap/fork-variables-mmap
show mmap "terminal"
contains mmap.out 'pare: després de waitpid: comptador = 1, nom = "fill"' ||
    demo_fail "with MAP_SHARED the parent should see the child's values"

step "Amb un fil (pthread_create) en lloc d'un fill: el fil és dins del mateix procés; main veu els canvis, a malloc() i a la global, sense mmap()" \
     "./mmap/fork-variables-fils"
runs fils ./mmap/fork-variables-fils
show fils "terminal"
contains fils.out 'main: després de pthread_join: comptador = 1, nom = "fil"' ||
    demo_fail "main should see the thread's values"

cmd="./mmap/fork-variables-malloc >malloc.txt; ./mmap/fork-variables-mmap >mmap.txt; diff malloc.txt mmap.txt"
step "Les sortides dels dos fork() comparades amb diff: només canvien com es reserva la memòria i què veu el pare" "$cmd"
sh -c "$cmd" | sed 's/^/  /'

cmd="./mmap/fork-variables-fils >fils.txt; grep -h -e 'després de' -e 'veu els canvis' malloc.txt mmap.txt fils.txt"
step "Els tres, el que veu qui ha esperat l'altre (després de waitpid o de pthread_join)" "$cmd"
sh -c "$cmd" | sed 's/^/  /'
