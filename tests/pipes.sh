#!/bin/sh
# tests/pipes.sh — pipes/pipe2 (a pipe between a parent and its child) and
# pipes/pipe2_sense_lector (the same pipe with no reader left).
. "$(dirname "$0")/lib.sh"

CHILD='child writing to file descriptor #4'
PARENT='parent reading from file descriptor #3'
READ='parent read "test"'
EPIPE_LINE="pipe2_sense_lector: escrivint a la canonada: Broken pipe (ningú no la llegeix: el pare n'ha tancat l'extrem de lectura)"

# slide_lines FILE: write to `want` the slide's three lines, the first two in
# the order FILE has them (parent and child run at once: the scheduler decides).
slide_lines() {
    if head -n 1 "$1" | grep -q '^child'; then
        printf '%s\n%s\n%s\n' "$CHILD" "$PARENT" "$READ"
    else
        printf '%s\n%s\n%s\n' "$PARENT" "$CHILD" "$READ"
    fi >want
}

# have_strace: strace is installed and allowed to trace here (ptrace may be
# forbidden).  Under valgrind the traces would show valgrind's own calls.
have_strace() {
    [ -z "${VALGRIND:-}" ] && command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true >/dev/null 2>&1
}

# ---- pipe2: the slide's run -------------------------------------------------
# `3>&- 4>&-` makes sure descriptors 3 and 4 are free, so that pipe() returns
# the numbers the slide shows whatever the caller left open.
./pipes/pipe2 >p.out 2>p.err 3>&- 4>&-
check "pipe2 exits 0 (stdout to a file)" test $? -eq 0
check "pipe2 prints nothing on stderr" test ! -s p.err
slide_lines p.out
same_file "pipe2 prints the slide's three lines, none twice (stdout to a file)" want p.out

{ ./pipes/pipe2 2>q.err 3>&- 4>&-; echo $? >q.st; } | cat >q.out
check "pipe2 exits 0 (stdout to a pipe)" has_line q.st 0
slide_lines q.out
same_file "pipe2 prints the slide's three lines, none twice (stdout to a pipe)" want q.out

# Claim 8.  The last line can only be printed after the read: the child's line
# is out before its write (line-buffered stdout), the parent's before its read.
if [ "$(tail -n 1 p.out)" = "$READ" ]; then
    ok "claim 8: pipe2 moves \"test\" from child to parent (parent read \"test\", last)"
else
    not_ok "claim 8: pipe2 moves \"test\" from child to parent (parent read \"test\", last)" "$(cat p.out)"
fi

# Claim 8 and the reaping, seen from the kernel's side: which process made
# which system call (-ff: one trace file per process, trace.PID).
if have_strace; then
    ASAN_OPTIONS=detect_leaks=0 strace -ff -o trace -e trace=execve,read,write,wait4 ./pipes/pipe2 >s.out 2>s.err 3>&- 4>&-
    parent=$(grep -l 'execve(' trace.* | sed 's/^trace\.//')
    child=$(for f in trace.*; do echo "${f#trace.}"; done | grep -vx "$parent")
    if [ -n "$child" ] && grep -qE '^write\(4, "test\\0", 5\) += 5$' "trace.$child" &&
       grep -qE '^read\(3, "test\\0", 5\) += 5$' "trace.$parent"; then
        ok "claim 8: the child wrote \"test\" into fd 4, the parent read it from fd 3 (strace)"
    else
        not_ok "claim 8: the child wrote \"test\" into fd 4, the parent read it from fd 3 (strace)" \
            "$(grep -E 'write\(4|read\(3' trace.*)"
    fi
    if [ -n "$child" ] &&
       grep -qE "^wait4\($child, \[\{WIFEXITED\(s\) && WEXITSTATUS\(s\) == 0\}\], 0, NULL\) += $child$" "trace.$parent"; then
        ok "pipe2: the parent reaps its child and sees it exit 0 (no zombie, strace)"
    else
        not_ok "pipe2: the parent reaps its child and sees it exit 0 (no zombie, strace)" \
            "$(grep wait4 trace.*)"
    fi
    rm -f trace.*
else
    skip "claim 8: the child wrote \"test\" into fd 4, the parent read it from fd 3 (strace)" "strace missing, not allowed, or under valgrind"
    skip "pipe2: the parent reaps its child and sees it exit 0 (no zombie, strace)" "strace missing, not allowed, or under valgrind"
fi

full_stdout "pipe2 > /dev/full: exit 1, one line 'escrivint la sortida'" ./pipes/pipe2

# ---- pipe2_sense_lector: the reader side gone --------------------------------
# The parent closes the read end before fork(): the child's write() finds no
# reader.  The child ignores SIGPIPE, so write() fails with EPIPE and it says
# so (exit 1, not death by signal 13, which a shell shows as 141); the parent
# sees it fail and exits 1 too.
./pipes/pipe2_sense_lector >g.out 2>g.err 3>&- 4>&-
st=$?
printf '%s\n' "$CHILD" >want.g
printf '%s\n' "$EPIPE_LINE" >want.gerr
if [ "$st" -eq 1 ] && cmp -s want.g g.out && cmp -s want.gerr g.err; then
    ok "pipe2_sense_lector: the writer gets EPIPE, says so on one line, exit 1 (not killed by SIGPIPE)"
else
    not_ok "pipe2_sense_lector: the writer gets EPIPE, says so on one line, exit 1 (not killed by SIGPIPE)" \
        "exit status $st (wanted 1)" "stdout: $(cat g.out)" "stderr: $(cat g.err)"
fi
if have_strace; then
    ASAN_OPTIONS=detect_leaks=0 strace -ff -o trace -e trace=execve,write,close ./pipes/pipe2_sense_lector >s.out 2>s.err 3>&- 4>&-
    parent=$(grep -l 'execve(' trace.* | sed 's/^trace\.//')
    child=$(for f in trace.*; do echo "${f#trace.}"; done | grep -vx "$parent")
    if [ -n "$child" ] && grep -qE '^close\(3\) += 0$' "trace.$parent" &&
       grep -qE '^write\(4, "test\\0", 5\) += -1 EPIPE' "trace.$child"; then
        ok "pipe2_sense_lector: the parent closed fd 3, the child's write into fd 4 failed with EPIPE (strace)"
    else
        not_ok "pipe2_sense_lector: the parent closed fd 3, the child's write into fd 4 failed with EPIPE (strace)" \
            "$(grep -E 'close\(3|write\(4' trace.*)"
    fi
    rm -f trace.*
else
    skip "pipe2_sense_lector: the parent closed fd 3, the child's write into fd 4 failed with EPIPE (strace)" "strace missing, not allowed, or under valgrind"
fi
full_stdout "pipe2_sense_lector > /dev/full: exit 1, one line 'escrivint la sortida'" ./pipes/pipe2_sense_lector

# ---- usage ----------------------------------------------------------------------
for p in pipe2 pipe2_sense_lector; do
    expect_fail "$p: unknown option" "$p: opció desconeguda '-x' (Ús: $p)" ./pipes/$p -x
    expect_fail "$p: a stray word" "$p: massa arguments (Ús: $p)" ./pipes/$p test
    expect_fail "$p: six stray words" "$p: massa arguments (Ús: $p)" ./pipes/$p a b c d e f
    ./pipes/$p -h >h.out 2>h.err
    check "$p -h prints 'Ús: $p' and a sentence, exit 0" \
        sh -c "[ $? -eq 0 ] && [ \"\$(head -n 1 h.out)\" = 'Ús: $p' ] && [ \$(wc -l <h.out) -eq 2 ] && [ ! -s h.err ]"
done

done_testing
