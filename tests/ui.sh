#!/bin/sh
# tests/ui.sh — the class experience: `make demo STEP=1` waits for Enter on a
# terminal (driven in tmux: send-keys presses Enter, capture-pane reads the
# screen) and never waits without one; the side-by-side mode shows a pair.
# The demo runs as its make recipe runs it (sh fifo/demo.sh): make itself would
# first rebuild with its default compiler, under the other tests' feet.
. "$(dirname "$0")/lib.sh"

# Without a terminal, STEP=1 must not wait (CI and pipes run straight through).
if STEP=1 sh "$ROOT/fifo/demo.sh" </dev/null >demo.out 2>&1; then
    check "STEP=1 without a terminal runs straight through" contains demo.out "Rebut test, tancant."
else
    not_ok "STEP=1 without a terminal runs straight through" "$(tail -n 5 demo.out)"
fi

if ! command -v tmux >/dev/null 2>&1; then
    skip "live mode waits for Enter in a terminal" "tmux not installed"
    skip "side-by-side mode shows both processes" "tmux not installed"
    done_testing; exit
fi

TMUX_TMPDIR=$WORK; export TMUX_TMPDIR       # a private tmux server, gone with $WORK
unset TMUX
trap 'tmux kill-server 2>/dev/null; cleanup' EXIT
screen() { tmux capture-pane -p -t live >screen.txt; }
on_screen() { screen; grep -qF -- "$1" screen.txt; }

tmux new-session -d -s live -x 120 -y 50 -c "$ROOT" "STEP=1 sh fifo/demo.sh; echo DEMO-ENDED; exec sleep 600"  # keeps the pane to read; kill-server ends it, no deadline
pane=$(tmux display-message -p -t live '#{pane_pid}')
demo_blocked() { _demo=$(proc_running fifo/demo.sh "$pane") && blocked "$_demo"; }
if wait_for 30 on_screen "[Enter]"; then
    # Waiting means asleep in the kernel (reading the terminal), not merely quiet.
    if ! has_proc; then
        skip "live mode: the demo is blocked reading the terminal" "no /proc"
    else
        check "live mode: the demo is blocked reading the terminal" wait_for 10 demo_blocked
    fi
    if on_screen "$ ./fifo/fifo_read" && ! on_screen "Obrint pipe per lectura"; then
        ok "live mode: shows the command and waits for Enter before running it"
    else
        not_ok "live mode: shows the command and waits for Enter before running it" "$(cat screen.txt)"
    fi
    tmux send-keys -t live Enter
    check "live mode: Enter runs the step" wait_for 10 on_screen "Obrint pipe per lectura"
    check "live mode: then it waits at the next step" wait_for 10 on_screen "$ ./fifo/fifo_write"
    tmux send-keys -t live Enter
    check "live mode: the tour ends after the last Enter" wait_for 10 on_screen "DEMO-ENDED"
    check "live mode: the pair did its work" on_screen "Rebut test, tancant."
else
    not_ok "live mode: shows the command and waits for Enter before running it" "$(cat screen.txt)"
fi

if SIDE_DETACHED=1 sh "$ROOT/tests/side-by-side" fifo >side.txt && S=$(head -n 1 side.txt) && [ -n "$S" ]; then
    side_left() { tmux capture-pane -p -t "$S:0.0" >left.txt; grep -qF -- "$1" left.txt; }
    check "side-by-side: the reader waits in the left pane" wait_for 10 side_left "Obrint pipe per lectura"
    tmux send-keys -t "$S:0.1" Enter
    check "side-by-side: Enter in the right pane runs the writer, the left pane receives" \
        wait_for 10 side_left "Rebut test, tancant."
    tmux capture-pane -p -t "$S:0.1" >right.txt
    status=$(tmux display-message -p -t "$S" '#{status-right}' 2>/dev/null)
    case $status in *"Ctrl-b d"*exit*|*exit*"Ctrl-b d"*) ok "side-by-side: the status line says how to leave" ;;
        *) not_ok "side-by-side: the status line says how to leave" "status-right: $status" ;; esac
    tmux send-keys -t "$S:0.1" "exit" Enter
    tmux send-keys -t "$S:0.0" "exit" Enter
    session_gone() { ! tmux has-session -t "$S" 2>/dev/null; }
    check "side-by-side: exit in both panes ends the session" wait_for 10 session_gone
    tmux kill-session -t "$S" 2>/dev/null
    rm -rf "$(sed -n 2p side.txt)"
else
    not_ok "side-by-side: the reader waits in the left pane" "tests/side-by-side fifo failed"
fi

done_testing
