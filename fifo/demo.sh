#!/bin/sh
# fifo/demo.sh — tour of named pipes (make demo-fifo; STEP=1 waits at each step).
. "$(dirname "$0")/../tests/lib.sh"

heading "Canonades amb nom (FIFO): fifo_read i fifo_write"

step "Terminal 1: el lector crea myfifo i es bloqueja a open() fins que hi ha un escriptor" \
     "./fifo/fifo_read"
start lector ./fifo/fifo_read
L=$LAST
wait_for 10 has_line lector.out "Obrint pipe per lectura" || demo_fail "fifo_read no ha arrencat: $(cat lector.err)"
show lector "terminal 1"
ls -l myfifo | sed 's/^/  /'
if has_proc && wait_for 10 blocked "$L"; then
    echo "  (el lector dorm al nucli, estat $(proc_state "$L" | cut -d' ' -f1): no gasta CPU mentre espera)"
fi

step "Terminal 2: l'escriptor obre la mateixa FIFO; ara tots dos continuen" \
     "./fifo/fifo_write"
start escriptor ./fifo/fifo_write
exits_with "$LAST" 0 >/dev/null || demo_fail "fifo_write ha fallat: $(cat escriptor.err)"
exits_with "$L" 0 >/dev/null || demo_fail "fifo_read ha fallat: $(cat lector.err)"
show lector "terminal 1"
show escriptor "terminal 2"
