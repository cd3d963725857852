#!/bin/sh
# tests/docs.sh — the docs stay true: every command that a README, a file header
# or a demo step shows names a program that exists and options it accepts, and
# every program answers -h with a usage line and a sentence of what it shows.
. "$(dirname "$0")/lib.sh"

programs=$(sed -n '/^PROGRAMS *=/,/^$/p' "$ROOT/Makefile" | tr -s ' \t\\' '\n' | grep '/')

# Every program: in the top README, with a header run line, answering -h.
for p in $programs; do
    if ./"$p" -h >h.out 2>h.err && head -n 1 h.out | grep -q "^Ús: " && [ "$(wc -l <h.out)" -ge 2 ] && [ ! -s h.err ]; then
        ok "$p -h: usage line and a sentence"
    else
        not_ok "$p -h: usage line and a sentence" "$(head -c 300 h.out h.err)"
    fi
    check "$p: its header shows how to run it" grep -q "^ \*.*\$ \./$p\( \|$\)" "$ROOT/$p.c"
    check "$p: in the README table" grep -q "\`$p\`\|\./$p\b" "$ROOT/README.md"
done

# Every shown command: "$ ./dir/prog args" in READMEs and headers, "./dir/prog"
# as the command of a demo step.
{
    grep -ho '\$ \./[a-z]*/[A-Za-z0-9_-]*[^`|]*' "$ROOT"/README.md "$ROOT"/*/README.md "$ROOT"/*/*.c
    grep -ho '^ *"\./[a-z]*/[A-Za-z0-9_-]*[^"]*"' "$ROOT"/*/demo.sh | tr -d '"'
} | grep -v '\$[0-9A-Za-z{]' | sed 's/^\$ //; s/^ *//; s/ *(.*//; s/ *$//' | sort -u >shown
while read -r cmd; do
    prog=${cmd%% *}; prog=${prog#./}
    case " $(echo $programs) " in
        *" $prog "*) ;;
        *) not_ok "shown command: $cmd" "no such program in the Makefile: $prog"; continue ;;
    esac
    ./"$prog" -h >h.out 2>&1
    bad=
    for word in $cmd; do
        case $word in -h|--) ;; -*) grep -q -- "${word%%=*}" h.out || bad="$bad $word" ;; esac
    done
    if [ -z "$bad" ]; then ok "shown command: $cmd"; else not_ok "shown command: $cmd" "options not in its usage:$bad"; fi
done <shown

done_testing
