# (An awk program, not a shell script: the line below quiets linters that scan tests/.)
# shellcheck disable=all
# tests/timeline.awk — turns `strace -f -ttt -T -o FILE` output into a timeline:
# one column per process, time since the first event, each system call with
# short arguments and its result, and a mark where a call blocked.  Used by
# tests/timeline; POSIX awk only, run with LC_ALL=C (widths are counted here in
# UTF-8 characters, so every awk pads the same way).
#
# Input: one or more strace output files (strace's own format, as its manual
# describes: "PID TIME call(args) = result <duration>", "<unfinished ...>" and
# "<... call resumed>" halves when processes interleave, "--- SIGNAL {...} ---",
# "+++ exited with N +++", "+++ killed by SIGNAL +++").  Variables:
#   labels  "FILE=NAME|FILE=NAME": the column name of each file's first process
#           (its children are "NAME (fill)")
#   title   the first line printed
#   svg     a file to write the same timeline to as an SVG sequence diagram ("": none)
#   events  a file for the events, one per line, tab-separated ("": none); the
#           columns: n, column, pid, kind (call|signal|exit), name, start, end,
#           result, object, from (who sent the bytes or the signal), text
#   cmds    "CMD|CMD": the strace command lines, printed under the title
# A line it cannot read stops it: message on stderr, exit status 2.

BEGIN {
    for (i = 1; i < 256; i++) ORD[sprintf("%c", i)] = i
    n = split(labels, tmp, "|")
    for (i = 1; i <= n; i++) {
        j = index(tmp[i], "=")
        if (j > 1) LABEL[substr(tmp[i], 1, j - 1)] = substr(tmp[i], j + 1)
    }
    NE = 0                      # events read
    MAXW = 54                   # widest column, in characters
    BLOCK = 0.1                 # a call this long (s) that can wait is "bloquejat"
    COLLAPSE = 6                # this many like calls in a row are shown as 2, "...", 2
    SEC0 = ""
    LAST_FILE = ""
}

# ---- reading strace's lines ------------------------------------------------

function bad(why) {
    printf "timeline: %s, línia %d de %s: %s\n", why, FNR, FILENAME, $0 | "cat 1>&2"
    FAILED = 1
    exit 2
}

# "1796540386.001548" -> seconds since the first time seen (keeps microseconds exact)
function tsec(ts,    a) {
    split(ts, a, ".")
    if (SEC0 == "") SEC0 = a[1]
    return (a[1] - SEC0) + ("0." a[2])
}

function new_event(kind, pid, t) {
    NE++
    K[NE] = kind; P[NE] = pid; T0[NE] = t; T1[NE] = t
    NAME[NE] = ""; ARGS[NE] = ""; RES[NE] = ""; SIG[NE] = ""; SIPID[NE] = ""; SICODE[NE] = ""
    if (!(pid in PFILE)) {
        PFILE[pid] = FILENAME
        if (!(FILENAME in ROOTPID)) ROOTPID[FILENAME] = pid
    }
    LASTT[pid] = t
    return NE
}

# split "name(args) = result <duration>" into NAME, ARGS, RES of event e;
# returns the duration (-1 when strace gave none), or -2 when it cannot.
function parse_call(s, e,    i, j, c, n, depth, q, rest, dur) {
    i = index(s, "(")
    if (i < 2) return -2
    NAME[e] = substr(s, 1, i - 1)
    if (NAME[e] !~ /^[a-z_0-9]+$/) return -2
    n = length(s); depth = 1; q = 0
    for (j = i + 1; j <= n; j++) {
        c = substr(s, j, 1)
        if (q) {
            if (c == "\\") j++
            else if (c == "\"") q = 0
        } else if (c == "\"") q = 1
        else if (c == "(" || c == "[" || c == "{") depth++
        else if (c == ")" || c == "]" || c == "}") { depth--; if (depth == 0) break }
    }
    if (depth != 0) return -2
    ARGS[e] = substr(s, i + 1, j - i - 1)
    rest = substr(s, j + 1)
    dur = -1
    if (match(rest, / <[0-9]+\.[0-9]+>$/)) {
        dur = substr(rest, RSTART + 2, RLENGTH - 3) + 0
        rest = substr(rest, 1, RSTART - 1)
    }
    if (!match(rest, /^ *= /)) return -2
    RES[e] = substr(rest, RLENGTH + 1)
    return dur
}

FILENAME != LAST_FILE { LAST_FILE = FILENAME; NFILES++; FILES[NFILES] = FILENAME }

{
    if (!match($0, /^[0-9]+ +[0-9]+\.[0-9]+ /))
        bad("no comença amb PID i temps (cal strace -f -ttt)")
    pid = $1
    t = tsec($2)
    rest = substr($0, RLENGTH + 1)

    if (rest ~ /^\+\+\+ /) {                            # the process ended
        if (pid in PEND) { e = PEND[pid]; T1[e] = t; RES[e] = "?"; delete PEND[pid] }
        e = new_event("exit", pid, t)
        if (match(rest, /^\+\+\+ exited with -?[0-9]+ \+\+\+$/)) {
            NAME[e] = rest; sub(/^\+\+\+ exited with /, "", NAME[e]); sub(/ .*/, "", NAME[e])
        } else if (match(rest, /^\+\+\+ killed by SIG[A-Z0-9]+/)) {
            NAME[e] = substr(rest, 15, RLENGTH - 14)
        } else bad("final de procés desconegut")
        next
    }
    if (rest ~ /^--- /) {                               # a signal arrived
        e = new_event("signal", pid, t)
        if (match(rest, /^--- SIG[A-Z0-9]+ /)) {
            SIG[e] = substr(rest, 5, RLENGTH - 5)
            NAME[e] = SIG[e]
            if (match(rest, /si_pid=[0-9]+/)) SIPID[e] = substr(rest, RSTART + 7, RLENGTH - 7)
            if (match(rest, /si_code=[A-Z_0-9]+/)) SICODE[e] = substr(rest, RSTART + 8, RLENGTH - 8)
        } else if (match(rest, /^--- stopped by SIG[A-Z0-9]+ ---$/)) {
            K[e] = "stop"; NAME[e] = substr(rest, 16, RLENGTH - 19)
        } else bad("senyal desconegut")
        next
    }
    if (match(rest, /^<\.\.\. [a-z_0-9]+ resumed>/)) {   # the second half of a call
        nm = substr(rest, 6, RLENGTH - 14)
        if (!(pid in PEND)) bad("continuació d'una crida que no havia començat")
        e = PEND[pid]; delete PEND[pid]
        if (NAME[e] != nm) bad("continuació d'una altra crida (" NAME[e] ")")
        full = PTEXT[e] substr(rest, RLENGTH + 1)
        if (full ~ /<unfinished \.\.\.>\) = \?$/) { T1[e] = t; RES[e] = "?"; next }
        d = parse_call(full, e)
        if (d == -2) bad("crida il·legible")
        T1[e] = (d >= 0) ? T0[e] + d : t
        LASTT[pid] = t
        next
    }
    if (rest ~ / <unfinished \.\.\.>$/) {                # the first half of a call
        if (pid in PEND) bad("dues crides a mitges al mateix procés")
        e = new_event("call", pid, t)
        PTEXT[e] = substr(rest, 1, length(rest) - 17)
        if (!match(PTEXT[e], /^[a-z_0-9]+\(/)) bad("crida il·legible")
        NAME[e] = substr(PTEXT[e], 1, RLENGTH - 1)
        RES[e] = "?"
        PEND[pid] = e
        next
    }
    if (rest ~ /^[a-z_0-9]+\(/) {                       # a whole call
        e = new_event("call", pid, t)
        d = parse_call(rest, e)
        if (d == -2) bad("crida il·legible")
        T1[e] = (d >= 0) ? t + d : t
        next
    }
    bad("línia de strace desconeguda")
}

# ---- small helpers -------------------------------------------------------------

# display width of a UTF-8 string: every byte but continuation bytes
function width(s,    t) { t = s; return length(s) - gsub(/[\200-\277]/, "", t) }

# s cut to at most n characters (UTF-8 aware), with "…" when cut
# s cut to at most n characters (UTF-8 aware), ending in MARK when cut; in a
# string from strace (esc = 1) an escape (\n, \0, \303) is not cut in two
function cut(s, n, mark, esc,    i, w, len, b, k) {
    if (width(s) <= n) return s
    len = length(s); w = 0; i = 1
    while (i <= len) {
        b = ORD[substr(s, i, 1)]
        k = (b >= 240) ? 4 : (b >= 224) ? 3 : (b >= 192) ? 2 : 1
        if (esc && substr(s, i, 1) == "\\") k = match(substr(s, i + 1, 3), /^[0-7]+/) ? RLENGTH + 1 : 2
        if (w + (esc ? k : 1) > n - 1) break
        w += esc ? k : 1; i += k
    }
    return substr(s, 1, i - 1) mark
}

# a cell that does not fit its column ends in "»" ("…" says a call has not returned)
function fit(s, n) { return cut(s, n, "»", 0) }

function pad(s, n) { return s sprintf("%" ((n - width(s)) > 0 ? n - width(s) : 0) "s", "") }

function comma(x) { sub(/\./, ",", x); return x }

function dur_text(d) {
    if (d >= 0.1) return comma(sprintf("%.2f s", d))
    if (d >= 0.01) return sprintf("%d ms", d * 1000 + 0.5)
    if (d >= 0.001) return comma(sprintf("%.1f ms", d * 1000))
    return sprintf("%d µs", d * 1000000 + 0.5)
}

function xml(s) {
    gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s)
    return s
}

# split ARGS at top-level commas into A[1..n] (trimmed); returns n
function split_args(s, A,    n, i, c, len, depth, q, start) {
    split("", A)
    n = 0; depth = 0; q = 0; start = 1; len = length(s)
    for (i = 1; i <= len; i++) {
        c = substr(s, i, 1)
        if (q) {
            if (c == "\\") i++
            else if (c == "\"") q = 0
        } else if (c == "\"") q = 1
        else if (c == "(" || c == "[" || c == "{") depth++
        else if (c == ")" || c == "]" || c == "}") depth--
        else if (c == "," && depth == 0) { A[++n] = trim(substr(s, start, i - start)); start = i + 1 }
    }
    if (trim(substr(s, start)) != "" || n > 0) A[++n] = trim(substr(s, start))
    return n
}

function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }

# the text inside a strace string token ("abc\n" or "abc"...), escapes kept
function unquote(s) { sub(/^"/, "", s); sub(/"(\.\.\.)?$/, "", s); return s }

# strace writes bytes >= 0200 as octal escapes: turn the ones that form UTF-8
# characters back into them ("\303\251" -> "é"), leave the rest as they are
function utf8(s,    out, i, len, c, b, k, j, seq, ok) {
    out = ""; len = length(s); i = 1
    while (i <= len) {
        c = substr(s, i, 1)
        if (c == "\\" && substr(s, i + 1, 3) ~ /^3[0-7][0-7]$/) {
            b = oct(substr(s, i + 1, 3))
            k = (b >= 240 && b < 248) ? 4 : (b >= 224) ? 3 : (b >= 194) ? 2 : 0
            if (k > 0) {
                seq = sprintf("%c", b); ok = 1
                for (j = 1; j < k; j++) {
                    if (substr(s, i + 4 * j, 1) != "\\" || substr(s, i + 4 * j + 1, 3) !~ /^2[0-7][0-7]$/) { ok = 0; break }
                    seq = seq sprintf("%c", oct(substr(s, i + 4 * j + 1, 3)))
                }
                if (ok) { out = out seq; i += 4 * k; continue }
            }
        }
        if (c == "\\") { out = out substr(s, i, 2); i += 2; continue }
        out = out c; i++
    }
    return out
}

function oct(s) { return substr(s, 1, 1) * 64 + substr(s, 2, 1) * 8 + substr(s, 3, 1) }

# a strace string token shortened for a cell: "Obrint pipe per l…"
function short_str(tok, n,    s, more) {
    if (tok !~ /^"/) return tok
    more = (tok ~ /"\.\.\.$/)
    s = utf8(unquote(tok))
    if (more || width(s) > n) {
        s = cut(s, n, "…", 1)
        if (s !~ /…$/) s = s "…"
    }
    return "\"" s "\""
}

# {sa_family=AF_INET, sin_port=htons(1234), sin_addr=inet_addr("127.0.0.1")} -> 127.0.0.1:1234
function addr(s,    port, ip) {
    port = ""; ip = ""
    if (match(s, /_port=htons\([0-9]+\)/)) port = substr(s, RSTART + 12, RLENGTH - 13)
    if (match(s, /inet_addr\("[^"]*"\)/)) ip = substr(s, RSTART + 11, RLENGTH - 13)
    else if (match(s, /inet_pton\(AF_INET6, "[^"]*"/)) ip = "[" substr(s, RSTART + 21, RLENGTH - 22) "]"
    else if (match(s, /sun_path="[^"]*"/)) return substr(s, RSTART + 9, RLENGTH - 9)
    if (port == "") return s
    return ip ":" port
}

function port_of(s) { return match(s, /_port=htons\([0-9]+\)/) ? substr(s, RSTART + 12, RLENGTH - 13) : "" }

# the result as shown: "5", "-1 ENOENT", "interrompuda", "?"
function res_text(r,    a) {
    if (r ~ /^\? ERESTART/ || r ~ /^-1 EINTR/) return "interrompuda"
    if (r ~ /^-1 E[A-Z0-9]+/) { split(r, a, " "); return "-1 " a[2] }
    split(r, a, " ")
    return a[1]
}

function rename(from, to) { if (!(from in RENAMED)) { RENAMED[from] = to; RENAMES = RENAMES (RENAMES == "" ? "" : ", ") to " = " from } }

# ---- what each call means ------------------------------------------------------

# Decide whether call e is shown (VIS), its text (TXT), what it touches (OBJ,
# CH) and its effect on the process's open files (FD tables), in time order.
function explain(e,    nm, n, A, fd, pid, path, ch, r, a, i, k, flags, mode, h, s, secs) {
    pid = P[e]; nm = NAME[e]; VIS[e] = 1; OBJ[e] = ""; CH[e] = ""; SIDE_E[e] = ""
    WAITS[e] = (nm ~ /^(accept|accept4|connect|pause|rt_sigsuspend|sigsuspend|nanosleep|clock_nanosleep|wait4|waitid|restart_syscall|poll|ppoll|select|pselect6|epoll_wait|epoll_pwait)$/)
    n = split_args(ARGS[e], A)
    r = res_text(RES[e]); RTXT[e] = r

    if (nm == "execve") {
        TXT[e] = "$"
        if (match(ARGS[e], /\[[^]]*\]/)) {
            k = split_args(substr(ARGS[e], RSTART + 1, RLENGTH - 2), a)
            for (i = 1; i <= k; i++) TXT[e] = TXT[e] " " utf8(unquote(a[i]))
        }
        if (r == "0") RTXT[e] = ""
        return
    }
    if (nm == "open" || nm == "openat" || nm == "creat") {
        path = (nm == "openat") ? A[2] : A[1]
        flags = (nm == "openat") ? A[3] : (nm == "creat" ? "O_CREAT|O_WRONLY|O_TRUNC" : A[2])
        gsub(/\|O_CLOEXEC|\|O_LARGEFILE/, "", flags)
        if (unquote(path) ~ /^\//) { VIS[e] = 0; if (r ~ /^[0-9]+$/) FD[pid, r] = "H"; return }
        if (nm != "open") rename(nm, "open")
        TXT[e] = "open(" short_str(path, 20) ", " flags ")"
        OBJ[e] = utf8(unquote(path))
        WAITS[e] = (OBJ[e] in FIFO)
        if (r ~ /^[0-9]+$/) {
            ch = (OBJ[e] in FIFO) ? "fifo:" OBJ[e] : "file:" OBJ[e]
            FD[pid, r] = ch; CHNAME[ch] = OBJ[e]
        }
        return
    }
    if (nm == "mknod" || nm == "mknodat") {
        path = (nm == "mknodat") ? A[2] : A[1]
        mode = (nm == "mknodat") ? A[3] : A[2]
        if (unquote(path) ~ /^\//) { VIS[e] = 0; return }
        OBJ[e] = utf8(unquote(path))
        if (mode ~ /S_IFIFO/) {
            FIFO[OBJ[e]] = 1; rename(nm, "mkfifo")
            sub(/^S_IFIFO\|?/, "", mode)
            TXT[e] = "mkfifo(" short_str(path, 20) ", " mode ")"
        } else TXT[e] = nm "(" short_str(path, 20) ", " mode ")"
        return
    }
    if (nm == "pipe" || nm == "pipe2") {
        if (nm == "pipe2") rename(nm, "pipe")
        TXT[e] = "pipe(" A[1] ")"
        if (r == "0" && match(A[1], /^\[[0-9]+, [0-9]+\]$/)) {
            split(substr(A[1], 2, length(A[1]) - 2), a, ", ")
            NPIPE++; ch = "pipe:" NPIPE
            FD[pid, a[1]] = ch; FD[pid, a[2]] = ch; CHNAME[ch] = "canonada"
        }
        return
    }
    if (nm == "clone" || nm == "clone3" || nm == "fork" || nm == "vfork") {
        if (ARGS[e] ~ /CLONE_THREAD/) { TXT[e] = "clone(fil)"; return }
        if (nm != "fork") rename(nm, "fork")
        TXT[e] = "fork()"
        if (r ~ /^[0-9]+$/) {               # the child gets a copy of the open files
            k = 0
            for (i in FD) { split(i, a, SUBSEP); if (a[1] == pid) CP[++k] = a[2] }
            for (i = 1; i <= k; i++) {
                FD[r, CP[i]] = FD[pid, CP[i]]
                if ((pid, CP[i]) in SIDE) SIDE[r, CP[i]] = SIDE[pid, CP[i]]
            }
        }
        return
    }
    if (nm == "wait4" || nm == "waitid") {
        if (nm == "wait4") rename(nm, "waitpid")
        TXT[e] = (nm == "wait4") ? "waitpid(" A[1] ")" : "waitid(" A[1] ", " A[2] ")"
        if (match(ARGS[e], /WEXITSTATUS\(s\) == [0-9]+/)) RTXT[e] = r " (sortida " substr(ARGS[e], RSTART + 18, RLENGTH - 18) ")"
        else if (match(ARGS[e], /WTERMSIG\(s\) == SIG[A-Z0-9]+/)) RTXT[e] = r " (mort per " substr(ARGS[e], RSTART + 15, RLENGTH - 15) ")"
        return
    }
    if (nm == "kill" || nm == "tgkill" || nm == "tkill") { TXT[e] = nm "(" ARGS[e] ")"; return }
    if (nm == "rt_sigaction" || nm == "sigaction") {
        if (A[2] == "NULL" || A[1] ~ /^SIG(SEGV|BUS|FPE|ILL|ABRT|TRAP|SYS)$/) { VIS[e] = 0; return }
        rename(nm, "sigaction")
        h = "manejador"
        if (A[2] ~ /sa_handler=SIG_IGN/) h = "SIG_IGN"
        else if (A[2] ~ /sa_handler=SIG_DFL/) h = "SIG_DFL"
        TXT[e] = "sigaction(" A[1] ", " h ")"
        return
    }
    if (nm == "rt_sigreturn" || nm == "sigreturn") { TXT[e] = "fi del manejador (" nm ")"; RTXT[e] = ""; return }
    if (nm == "nanosleep" || nm == "clock_nanosleep") {
        s = (nm == "nanosleep") ? A[1] : A[3]
        secs = "?"
        if (match(s, /tv_sec=[0-9]+/)) secs = substr(s, RSTART + 7, RLENGTH - 7)
        if (match(s, /tv_nsec=[0-9]+/) && substr(s, RSTART + 8, RLENGTH - 8) + 0 > 0)
            secs = comma(sprintf("%.3f", secs + substr(s, RSTART + 8, RLENGTH - 8) / 1e9))
        rename(nm, "sleep")
        TXT[e] = "sleep(" secs ")"
        return
    }
    if (nm == "restart_syscall") {
        TXT[e] = "restart_syscall()"
        if (match(ARGS[e], /interrupted [a-z_0-9]+/)) TXT[e] = "restart_syscall(" substr(ARGS[e], RSTART + 12, RLENGTH - 12) ")"
        return
    }
    if (nm == "pause") { TXT[e] = "pause()"; return }
    if (nm == "rt_sigsuspend" || nm == "sigsuspend") { rename(nm, "sigsuspend"); TXT[e] = "sigsuspend(" A[1] ")"; return }
    if (nm == "socket") {
        if (A[1] !~ /^AF_INET6?$/ || A[2] !~ /SOCK_STREAM/) { VIS[e] = 0; if (r ~ /^[0-9]+$/) FD[pid, r] = "H"; return }
        TXT[e] = "socket(" A[1] ", SOCK_STREAM)"
        if (r ~ /^[0-9]+$/) { NSOCK++; ch = "sock:" NSOCK; FD[pid, r] = ch; CHNAME[ch] = "socket" }
        return
    }
    if (nm == "exit_group" || nm == "exit") { VIS[e] = 0; return }
    if (nm ~ /^p?select6?$/) {                  # select(n, [fds], ...): the fds it waits on
        TXT[e] = nm "(" A[2] ")"
        if (match(RES[e], /\(in \[[0-9 ]*\]/)) RTXT[e] = r " " substr(RES[e], RSTART, RLENGTH) ")"
        return
    }
    if (nm == "poll" || nm == "ppoll") {        # poll([{fd=4, ...}, ...], n, ms): the fds, the time
        k = ARGS[e]; a[0] = ""
        while (match(k, /fd=[0-9]+/)) { a[0] = a[0] (a[0] == "" ? "" : ", ") substr(k, RSTART + 3, RLENGTH - 3); k = substr(k, RSTART + RLENGTH) }
        TXT[e] = nm "([" a[0] "], " A[n] ")"
        k = RES[e]; a[0] = ""
        while (match(k, /fd=[0-9]+/)) { a[0] = a[0] (a[0] == "" ? "" : ", ") substr(k, RSTART + 3, RLENGTH - 3); k = substr(k, RSTART + RLENGTH) }
        if (a[0] != "") RTXT[e] = r " ([" a[0] "])"
        return
    }

    # the rest take a file descriptor first
    fd = A[1]
    if (fd !~ /^[0-9]+$/) { TXT[e] = nm "(" fit(ARGS[e], 30) ")"; return }
    ch = ((pid, fd) in FD) ? FD[pid, fd] : ""
    if (ch == "" && fd <= 2) { ch = (fd == 0) ? "stdin" : (fd == 1) ? "stdout" : "stderr"; CHNAME[ch] = ch }
    if (ch == "" || ch == "H") { VIS[e] = 0; return }
    CH[e] = ch; OBJ[e] = CHNAME[ch]; SIDE_E[e] = ((pid, fd) in SIDE) ? SIDE[pid, fd] : ""
    if (ch ~ /^(fifo|pipe|tcp|sock):/ && (is_read(nm) || is_write(nm))) WAITS[e] = 1

    if (nm == "close") {
        TXT[e] = "close(" fd ")"
        delete FD[pid, fd]; delete SIDE[pid, fd]
        return
    }
    if (nm == "read" || nm == "write" || nm == "recvfrom" || nm == "sendto") {
        TXT[e] = nm "(" fd ", " short_str(A[2], 22) ", " A[3] ")"
        DATA[e] = short_str(A[2], 12)
        return
    }
    if (nm == "readv" || nm == "writev") {
        DATA[e] = ""
        if (match(ARGS[e], /iov_base="([^"\\]|\\.)*"/)) {    # the first buffer's bytes
            k = substr(ARGS[e], RSTART + 9, RLENGTH - 9)
            if (substr(ARGS[e], RSTART + RLENGTH, 3) == "...") k = k "..."
            DATA[e] = short_str(k, 12)
        }
        TXT[e] = nm "(" fd ", [" DATA[e] (DATA[e] == "" ? "" : ", ") "…])"
        return
    }
    if (nm == "bind") {
        TXT[e] = "bind(" fd ", " addr(A[2]) ")"
        if (r == "0" && port_of(A[2]) != "") LISTENPORT[ch] = port_of(A[2])
        return
    }
    if (nm == "connect") {
        TXT[e] = "connect(" fd ", " addr(A[2]) ")"
        if (port_of(A[2]) != "" && (r == "0" || r ~ /EINPROGRESS/)) {
            k = "tcp:" port_of(A[2]); FD[pid, fd] = k; SIDE[pid, fd] = "c"; CHNAME[k] = "connexió"
            CH[e] = k; OBJ[e] = CHNAME[k]
        }
        return
    }
    if (nm == "accept" || nm == "accept4") {
        if (nm == "accept4") rename(nm, "accept")
        TXT[e] = "accept(" fd ")"
        LISTENCH[e] = "tcp:" LISTENPORT[ch]
        if (r ~ /^[0-9]+$/) {
            k = "tcp:" LISTENPORT[ch]; FD[pid, r] = k; SIDE[pid, r] = "s"; CHNAME[k] = "connexió"
            if (A[2] ~ /^\{/) PEER[e] = addr(A[2])
        }
        return
    }
    if (nm == "listen" || nm == "shutdown") { TXT[e] = nm "(" fd ", " A[2] ")"; return }
    TXT[e] = nm "(" fit(ARGS[e], 30) ")"
}

function is_write(nm) { return nm == "write" || nm == "writev" || nm == "sendto" || nm == "sendmsg" }
function is_read(nm) { return nm == "read" || nm == "readv" || nm == "recvfrom" || nm == "recvmsg" }

# ---- after the last line -------------------------------------------------------

END {
    if (FAILED) exit 2
    if (NE == 0) { print "timeline: la traça és buida" | "cat 1>&2"; exit 2 }
    for (pid in PEND) { e = PEND[pid]; T1[e] = LASTT[pid]; RES[e] = "?" }

    # strace may learn that a child has ended after its parent was told
    # (wait4() returned it, SIGCHLD came): show the end no later than that
    for (i = 1; i <= NE; i++) {
        if (K[i] == "exit") { EXITEV[P[i]] = i; continue }
        if (!(P[i] in PREVT) || T1[i] > PREVT[P[i]]) PREVT[P[i]] = T1[i]
    }
    for (i = 1; i <= NE; i++) {
        c = ""
        if (K[i] == "call" && NAME[i] == "wait4" && RES[i] ~ /^[0-9]+/) { split(RES[i], tmp, " "); c = tmp[1]; t = T1[i] }
        else if (K[i] == "signal" && SIG[i] == "SIGCHLD") { c = SIPID[i]; t = T0[i] }
        if (c == "" || !(c in EXITEV) || T0[EXITEV[c]] < t) continue
        t -= 0.000001
        if ((c in PREVT) && t < PREVT[c]) t = PREVT[c]
        T0[EXITEV[c]] = t; T1[EXITEV[c]] = t
    }

    # events in time order (insertion sort, stable: strace's own order on ties)
    for (i = 1; i <= NE; i++) {
        j = i - 1
        while (j > 0 && T0[O[j]] > T0[i]) { O[j + 1] = O[j]; j-- }
        O[j + 1] = i
    }
    TBASE = T0[O[1]]
    for (i = 1; i <= NE; i++) { T0[i] -= TBASE; T1[i] -= TBASE; if (T1[i] < T0[i]) T1[i] = T0[i] }

    # who is whose child, and each process's column name
    for (i = 1; i <= NE; i++)
        if (K[i] == "call" && NAME[i] ~ /^(clone|clone3|fork|vfork)$/ && ARGS[i] !~ /CLONE_THREAD/ && RES[i] ~ /^[0-9]+/) {
            split(RES[i], tmp, " "); PARENT[tmp[1]] = P[i]; FORKEV[tmp[1]] = i
        }
    for (i = 1; i <= NE; i++) plabel(P[i])

    # meaning, in time order
    for (x = 1; x <= NE; x++) {
        e = O[x]
        if (K[e] == "call") explain(e)
        else VIS[e] = 1
    }

    # columns: one per process; a process that starts after another of the same
    # name has ended takes its column
    NL = 0
    for (x = 1; x <= NE; x++) {
        e = O[x]; pid = P[e]
        if (!VIS[e] || (pid in LANE)) continue
        l = 0
        for (k = 1; k <= NL; k++)
            if (LNAME[k] == PLABEL[pid] && LEND[k] != "" && LEND[k] <= T0[e]) { l = k; break }
        if (l == 0) { l = ++NL; LNAME[l] = PLABEL[pid]; LPIDS[l] = pid }
        else LPIDS[l] = LPIDS[l] ", " pid
        LEND[l] = ""
        LANE[pid] = l
        for (y = x; y <= NE; y++) if (P[O[y]] == pid && K[O[y]] == "exit") { LEND[l] = T0[O[y]]; break }
        if (LEND[l] == "") LEND[l] = 1e9
    }

    # a call is drawn as two rows (start and end) when another process did
    # something while it was in the kernel; each event is one row otherwise
    for (x = 1; x <= NE; x++) {
        e = O[x]; SPLIT[e] = 0
        if (!VIS[e] || K[e] != "call" || !WAITS[e] || T1[e] <= T0[e]) continue
        for (y = 1; y <= NE; y++) {
            f = O[y]
            if (T0[f] >= T1[e]) break
            if (!VIS[f] || P[f] == P[e]) continue
            if (T0[f] > T0[e] || (K[f] == "call" && T1[f] > T0[e] && T1[f] < T1[e])) { SPLIT[e] = 1; break }
        }
    }
    if (NL == 0) { print "timeline: la traça no té cap crida de les que es mostren" | "cat 1>&2"; exit 2 }
    NR_ = 0
    for (x = 1; x <= NE; x++) {
        e = O[x]
        if (!VIS[e]) continue
        addrow(T0[e], e, SPLIT[e] ? "b" : "s")
        if (SPLIT[e]) addrow(T1[e], e, "e")
    }

    arrows()
    collapse()
    if (events != "") write_events()
    text()
    if (svg != "") draw()
}

function plabel(pid,    par) {
    if (pid in PLABEL) return PLABEL[pid]
    if (pid in PARENT) {
        par = PARENT[pid]
        PLABEL[pid] = plabel(par)
        if (PLABEL[pid] !~ / \(fill\)$/) PLABEL[pid] = PLABEL[pid] " (fill)"
    } else if (ROOTPID[PFILE[pid]] == pid) {
        PLABEL[pid] = (PFILE[pid] in LABEL) ? LABEL[PFILE[pid]] : base(PFILE[pid])
    } else PLABEL[pid] = base(PFILE[pid]) " ?"
    return PLABEL[pid]
}

function base(f) { sub(/.*\//, "", f); sub(/\.[^.]*$/, "", f); return f }

# rows in time order; an end row goes after the rows of the same instant
function addrow(t, e, kind,    j) {
    j = NR_
    while (j > 0 && ROWT[j] > t) { ROWT[j + 1] = ROWT[j]; ROWE[j + 1] = ROWE[j]; ROWK[j + 1] = ROWK[j]; j-- }
    ROWT[j + 1] = t; ROWE[j + 1] = e; ROWK[j + 1] = kind
    NR_++
}

# Bytes and signals that went from one process to another.  Bytes: on each
# FIFO, pipe or connection, the n-th byte written is the n-th byte read (the
# other end, for a connection); FROM[read] = the writer's pid, AW/AR the pairs.
# Signals: FROM[signal] = the sender, matched with its kill() when traced.
function arrows(    x, y, e, f, s, st, n, i, j, k, off, a, pid) {
    NA = 0
    for (x = 1; x <= NE; x++) {
        e = O[x]
        if (!VIS[e] || K[e] != "call" || CH[e] !~ /^(fifo|pipe|tcp):/ || RTXT[e] !~ /^[1-9][0-9]*/) continue
        split(RTXT[e], a, " "); n = a[1] + 0
        if (is_write(NAME[e])) {
            st = CH[e] "|" SIDE_E[e]
            if (!(st in NW)) STREAM[++NST] = st
            WOFF[e] = WBYTES[st] + 0; WBYTES[st] += n
            NW[st]++; WL[st, NW[st]] = e
        } else if (is_read(NAME[e])) {
            st = CH[e] "|" (SIDE_E[e] == "c" ? "s" : SIDE_E[e] == "s" ? "c" : "")
            # reads in the order they returned
            j = ++NRD[st]
            while (j > 1 && T1[RL[st, j - 1]] > T1[e]) { RL[st, j] = RL[st, j - 1]; j-- }
            RL[st, j] = e; RLEN[e] = n
        }
    }
    for (x = 1; x <= NST; x++) {
        st = STREAM[x]
        off = 0; j = 1
        for (i = 1; i <= NRD[st]; i++) { ROFF[RL[st, i]] = off; off += RLEN[RL[st, i]] }
        for (i = 1; i <= NW[st]; i++) {
            e = WL[st, i]
            while (j <= NRD[st] && ROFF[RL[st, j]] + RLEN[RL[st, j]] <= WOFF[e]) j++
            if (j > NRD[st]) break
            f = RL[st, j]
            if (P[f] == P[e]) continue
            NA++; AK[NA] = "data"; AF[NA] = e; AT[NA] = f; ALAB[NA] = DATA[e]
            if (!(f in FROM)) FROM[f] = P[e]
            if (T0[e] > T0[f]) WAITED[f] = 1    # the read was there before the bytes
        }
    }
    for (x = 1; x <= NE; x++) {
        s = O[x]
        if (K[s] != "signal" || !VIS[s]) continue
        if (SIPID[s] != "" && SIPID[s] != "0") FROM[s] = SIPID[s]
        f = 0
        for (y = x - 1; y >= 1; y--) {
            e = O[y]
            if (K[e] == "call" && P[e] == SIPID[s] && NAME[e] ~ /kill$/ && VIS[e]) { f = e; break }
            if (SIG[s] == "SIGCHLD" && K[e] == "exit" && P[e] == SIPID[s]) { f = e; break }
        }
        NA++; AK[NA] = "signal"; AF[NA] = f; AT[NA] = s; ALAB[NA] = SIG[s]
    }
    for (x = 1; x <= NE; x++) {         # fork(): to the child's first row
        pid = P[O[x]]
        if (!(pid in FORKEV) || (pid in FORKED) || !VIS[O[x]]) continue
        FORKED[pid] = 1
        NA++; AK[NA] = "fork"; AF[NA] = FORKEV[pid]; AT[NA] = O[x]; ALAB[NA] = "fork()"
    }
    # Meetings: accept() returns the connection that a connect() asked for
    # (in order, per port); a FIFO's open() waits for an open() of the other
    # end.  FROM[the waiting call] = the other process.
    for (x = 1; x <= NE; x++) {
        e = O[x]
        if (!VIS[e] || K[e] != "call") continue
        if (NAME[e] == "connect" && CH[e] ~ /^tcp:/ && RTXT[e] == "0") CONN[CH[e], ++NCONN[CH[e]]] = e
        if (NAME[e] ~ /^accept/ && RTXT[e] ~ /^[0-9]/) {
            i = LISTENCH[e]
            if (!(i in NACC)) ACCH[++NACCH] = i
            j = ++NACC[i]
            while (j > 1 && T1[ACC[i, j - 1]] > T1[e]) { ACC[i, j] = ACC[i, j - 1]; j-- }
            ACC[i, j] = e
        }
    }
    for (x = 1; x <= NACCH; x++) {
        k = ACCH[x]
        for (i = 1; i <= NACC[k] && i <= NCONN[k]; i++) {
            e = CONN[k, i]; f = ACC[k, i]
            if (P[e] == P[f] || T0[e] > T1[f]) continue
            FROM[f] = P[e]
            if (T0[e] > T0[f]) WAITED[f] = 1
            MEET[++NM] = e SUBSEP f SUBSEP "connect()"
        }
    }
    for (x = 1; x <= NE; x++) {
        e = O[x]
        if (!VIS[e] || !SPLIT[e] || NAME[e] !~ /^open/ || !(OBJ[e] in FIFO)) continue
        for (y = x + 1; y <= NE; y++) {
            f = O[y]
            if (T0[f] >= T1[e]) break
            if (VIS[f] && K[f] == "call" && P[f] != P[e] && NAME[f] ~ /^open/ && OBJ[f] == OBJ[e] &&
                (ARGS[f] ~ /O_WRONLY|O_RDWR/) != (ARGS[e] ~ /O_WRONLY|O_RDWR/)) {
                FROM[e] = P[f]
                WAITED[e] = 1
                MEET[++NM] = f SUBSEP e SUBSEP "open()"
                break
            }
        }
    }
    for (i = 1; i <= NM; i++) {
        split(MEET[i], a, SUBSEP)
        NA++; AK[NA] = "meet"; AF[NA] = a[1]; AT[NA] = a[2]; ALAB[NA] = a[3]
    }
}

# Long runs of like calls (the same call on the same file descriptor, one
# process, nothing else between): keep 2 first and 2 last rows, and one row
# "⋮" for the rest.  SHOW[r] = 0 hides row r; MORE[r] = how many a "⋮" row stands for.
function collapse(    r, s, e, f, key, k) {
    for (r = 1; r <= NR_; r++) { SHOW[r] = 1; MORE[r] = 0 }
    r = 1
    while (r <= NR_) {
        key = runkey(r)
        s = r
        if (key != "") while (s + 1 <= NR_ && runkey(s + 1) == key) s++
        if (key != "" && s - r + 1 >= COLLAPSE) {
            for (k = r + 2; k <= s - 2; k++) SHOW[k] = 0
            SHOW[r + 2] = 1; MORE[r + 2] = s - r - 3
        }
        r = s + 1
    }
}

function runkey(r,    e, a) {
    e = ROWE[r]
    if (ROWK[r] != "s" || K[e] != "call" || (e in FROM) || ARGS[e] !~ /^[0-9]+,/) return ""
    split(ARGS[e], a, ",")
    return P[e] SUBSEP NAME[e] SUBSEP a[1]
}

# the text of row r in its own column
function cell(r,    e, s, d) {
    e = ROWE[r]
    if (MORE[r]) return "⋮ i " MORE[r] " crides " substr(TXT[e], 1, index(TXT[e], ",")) " …) més"
    if (K[e] == "exit") return (NAME[e] ~ /^SIG/) ? "+++ mort per " NAME[e] " +++" : "+++ surt amb " NAME[e] " +++"
    if (K[e] == "stop") return "--- aturat per " NAME[e] " ---"
    if (K[e] == "signal") {
        if (SICODE[e] == "SI_KERNEL" || SIPID[e] == "" || SIPID[e] == "0") return "--- " SIG[e] " del nucli ---"
        if (SIPID[e] in PLABEL) return "--- " SIG[e] " de [" SIPID[e] "] ---"
        return "--- " SIG[e] " de [" SIPID[e] "], de fora ---"
    }
    d = T1[e] - T0[e]
    if (ROWK[r] == "b") return TXT[e] " …"
    s = (ROWK[r] == "e") ? "… " : TXT[e]
    if (RTXT[e] == "interrompuda") s = s (ROWK[r] == "e" ? "" : " ") "interrompuda"
    else if (RTXT[e] != "") s = s (ROWK[r] == "e" ? "= " : " = ") RTXT[e]
    if (e in FROM) s = s " ← [" FROM[e] "]"
    else if (e in PEER) s = s " (" PEER[e] ")"
    if (blocked(e, r, d)) s = s (ROWK[r] == "e" ? ", " : " … ") "bloquejat " dur_text(d)
    else if (ROWK[r] == "e") s = s " (" dur_text(d) ")"
    return s
}

# Call e, drawn in row r, lasted d s: was it blocked, waiting for another
# process or for time?  A read, accept() or a FIFO's open(): when what it
# returned came from a call that started after it (or it was long).  A write:
# only when the reader acted meanwhile and it was long (a full pipe).  Others
# that wait (sleep(), pause(), waitpid(), select()): when another process
# acted meanwhile, or it was long.
function blocked(e, r, d) {
    if (!WAITS[e]) return 0
    if (is_write(NAME[e])) return ROWK[r] == "e" && d >= BLOCK
    if (is_read(NAME[e]) || NAME[e] ~ /^(accept|accept4|open|openat)$/) return (e in WAITED) || d >= BLOCK
    return ROWK[r] == "e" || d >= BLOCK
}

function head(l) { return LNAME[l] " [" LPIDS[l] "]" }

function text(    r, l, w, line, c, e, x, pid, nm, k, a, o, cm) {
    print title
    if (cmds != "") {
        print "Per veure-ho a mà:"
        k = split(cmds, cm, "|")
        for (x = 1; x <= k; x++) print "  $ " cm[x]
    }
    print ""
    for (l = 1; l <= NL; l++) W[l] = width(head(l))
    for (r = 1; r <= NR_; r++) if (SHOW[r]) { l = LANE[P[ROWE[r]]]; w = width(cell(r)); if (w > W[l]) W[l] = w }
    for (l = 1; l <= NL; l++) if (W[l] > MAXW) W[l] = MAXW
    line = pad("temps (s)", 11)
    for (l = 1; l <= NL; l++) line = line (l < NL ? pad(fit(head(l), W[l]), W[l] + 2) : fit(head(l), W[l]))
    print line
    line = "─────────  "
    for (l = 1; l <= NL; l++) line = line rep("─", W[l]) (l < NL ? "  " : "")
    print line
    for (l = 1; l <= NL; l++) ST[l] = ""
    for (r = 1; r <= NR_; r++) {
        e = ROWE[r]; l = LANE[P[e]]
        if (ST[l] == "" || ST[l] == "fi") ST[l] = "viu"
        if (SHOW[r]) {
            line = MORE[r] ? pad("", 11) : pad(comma(sprintf("%.6f", ROWT[r])), 11)
            for (x = 1; x <= NL; x++) {
                c = (x == l) ? fit(cell(r), W[x]) : (ST[x] == "bloc") ? "┆" : (ST[x] == "viu") ? "│" : ""
                line = line (x < NL ? pad(c, W[x] + 2) : c)
            }
            sub(/ +$/, "", line)
            print line
        }
        if (ROWK[r] == "b") ST[l] = "bloc"
        else if (ROWK[r] == "e") ST[l] = "viu"
        if (K[e] == "exit") ST[l] = "fi"
    }
    print ""
    print "… la crida encara no ha tornat; ┆ el procés hi és bloquejat (dorm dins del nucli); » línia tallada."
    print "← [PID]: d'aquest procés venen els bytes (o el connect(), o l'open() de l'altre extrem)."
    print "--- SENYAL de [PID] ---: arriba un senyal; +++ ... +++: el procés acaba."
    if (RENAMES != "") print "Noms com al codi; a strace: " RENAMES "."
    print "Resum, crides de cada procés:"
    for (x = 1; x <= NE; x++) {
        e = O[x]; pid = P[e]
        if (!VIS[e] || K[e] != "call") continue
        if (!(pid in SEEN)) { SEEN[pid] = 1; NP++; PORD[NP] = pid; PN[pid] = 0 }
        nm = (NAME[e] ~ /^(execve|rt_sigreturn|sigreturn)$/) ? NAME[e] : TXT[e]
        sub(/\(.*/, "", nm)
        if (!((pid, nm) in CNT)) { PN[pid]++; PNM[pid, PN[pid]] = nm; CNT[pid, nm] = 0 }
        CNT[pid, nm]++
        if (OBJ[e] != "" && (is_write(NAME[e]) || is_read(NAME[e]))) {
            o = OBJ[e]
            if (!((pid, nm, o) in OC)) { ON[pid, nm]++; ONAME[pid, nm, ON[pid, nm]] = o; OC[pid, nm, o] = 0 }
            OC[pid, nm, o]++
        }
    }
    for (x = 1; x <= NP; x++) {
        pid = PORD[x]; line = "  " PLABEL[pid] " [" pid "]: "
        for (k = 1; k <= PN[pid]; k++) {
            nm = PNM[pid, k]
            line = line (k > 1 ? ", " : "") CNT[pid, nm] " " nm
            if (ON[pid, nm] > 0) {
                line = line " ("
                for (a = 1; a <= ON[pid, nm]; a++)
                    line = line (a > 1 ? ", " : "") (ON[pid, nm] > 1 ? OC[pid, nm, ONAME[pid, nm, a]] " a " : "a ") ONAME[pid, nm, a]
                line = line ")"
            }
        }
        print line
    }
}

function rep(s, n,    out) { out = ""; while (n-- > 0) out = out s; return out }

function write_events(    x, e, n, res, kind) {
    n = 0
    for (x = 1; x <= NE; x++) {
        e = O[x]
        if (!VIS[e]) continue
        res = (K[e] == "call") ? RES[e] : ""
        sub(/ .*/, "", res)
        printf "%d\t%s\t%s\t%s\t%s\t%.6f\t%.6f\t%s\t%s\t%s\t%s\n", ++n, PLABEL[P[e]], P[e], K[e], NAME[e],
            T0[e], T1[e], res, OBJ[e], (e in FROM) ? FROM[e] : "", (K[e] == "call") ? TXT[e] : cellof(e) > events
    }
    close(events)
}

function cellof(e,    r) { for (r = 1; r <= NR_; r++) if (ROWE[r] == e) return cell(r); return "" }

# ---- the SVG sequence diagram ---------------------------------------------------

function draw(    r, y, l, x, e, f, w, h, d, n, q, H, TOP, ROWH, LW, X0, KT, tmax, a, x1, y1, x2, y2, x2e, col, dash, lab, mk, pid) {
    TOP = 90; ROWH = 22; LW = 380; X0 = 90
    tmax = ROWT[NR_]
    KT = (tmax > 0) ? 400 / tmax : 0
    if (KT > 20000) KT = 20000
    n = 0
    for (r = 1; r <= NR_; r++) {
        if (!SHOW[r]) { Y[r] = Y[r - 1]; continue }
        Y[r] = TOP + n * ROWH + KT * ROWT[r]; n++
        if (ROWK[r] != "e") YS[ROWE[r]] = Y[r]
        if (ROWK[r] != "b") YE[ROWE[r]] = Y[r]
    }
    for (x = 1; x <= NE; x++) if ((O[x] in YS) && !(O[x] in YE)) YE[O[x]] = YS[O[x]]
    H = Y[NR_] + 120
    w = X0 + NL * LW + 20
    if (w < 800) w = 800
    printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" > svg
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"12\">\n", w, H, w, H > svg
    printf "<title>%s</title>\n", xml(title) > svg
    print "<defs><marker id=\"fletxa\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker>" > svg
    print "<marker id=\"fletxa-b\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f5fbf\"/></marker>" > svg
    print "<marker id=\"fletxa-s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c0392b\"/></marker>" > svg
    print "<marker id=\"fletxa-f\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#777\"/></marker></defs>" > svg
    printf "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", w, H > svg
    printf "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", xml(title) > svg
    printf "<text x=\"10\" y=\"%d\" fill=\"#555\">temps (s)</text>\n", TOP - 12 > svg
    for (l = 1; l <= NL; l++) {
        LX[l] = X0 + (l - 1) * LW + 30
        printf "<rect x=\"%d\" y=\"38\" width=\"%d\" height=\"26\" rx=\"4\" fill=\"#eef2f7\" stroke=\"#445\"/>\n", LX[l] - 20, LW - 40 > svg
        printf "<text x=\"%d\" y=\"56\" font-weight=\"bold\">%s</text>\n", LX[l] - 12, xml(fit(head(l), 38)) > svg
    }
    # lifelines: from each process's first row to its exit
    n = 0
    for (x = 1; x <= NE; x++) {
        e = O[x]
        if (!(e in YS)) continue
        if (!(P[e] in LY0)) { LY0[P[e]] = YS[e]; LP[++n] = P[e] }
        LY1[P[e]] = YE[e]
    }
    for (x = 1; x <= n; x++) {
        pid = LP[x]
        printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\n", LX[LANE[pid]], LY0[pid] - 8, LX[LANE[pid]], LY1[pid] > svg
    }
    # time labels
    for (r = 1; r <= NR_; r++)
        if (SHOW[r] && !MORE[r]) printf "<text x=\"10\" y=\"%.1f\" font-size=\"10\" fill=\"#666\">%s</text>\n", Y[r] + 4, comma(sprintf("%.6f", ROWT[r])) > svg
    # calls, signals, exits
    for (r = 1; r <= NR_; r++) {
        if (!SHOW[r] || ROWK[r] == "e") continue
        e = ROWE[r]; x = LX[LANE[P[e]]]; y = Y[r]
        if (MORE[r]) {
            printf "<text x=\"%d\" y=\"%.1f\" fill=\"#555\">%s</text>\n", x + 12, y + 4, xml(fit(cell(r), 44)) > svg
            continue
        }
        if (K[e] == "exit") {
            printf "<path d=\"M%d,%.1f l10,10 m0,-10 l-10,10\" stroke=\"#333\" stroke-width=\"2\"/>\n", x - 5, y - 5 > svg
            printf "<text x=\"%d\" y=\"%.1f\">%s</text>\n", x + 12, y + 4, xml(fit(cell(r), 44)) > svg
            continue
        }
        if (K[e] != "call") {
            printf "<circle cx=\"%d\" cy=\"%.1f\" r=\"5\" fill=\"#c0392b\"/>\n", x, y > svg
            printf "<text x=\"%d\" y=\"%.1f\" fill=\"#c0392b\">%s</text>\n", x + 12, y + 4, xml(fit(cell(r), 44)) > svg
            continue
        }
        d = T1[e] - T0[e]
        if (ROWK[r] == "b") {
            h = YE[e] - y
            printf "<rect x=\"%d\" y=\"%.1f\" width=\"12\" height=\"%.1f\" fill=\"#f6c28b\" stroke=\"#a0522d\"><title>%s</title></rect>\n", x - 6, y - 6, h + 12, xml(TXT[e] " = " RTXT[e] ", " dur_text(d)) > svg
            printf "<text x=\"%d\" y=\"%.1f\">%s</text>\n", x + 12, y + 4, xml(fit(TXT[e] " …", 44)) > svg
            for (q = 1; q <= NR_; q++) if (ROWE[q] == e && ROWK[q] == "e") break
            printf "<text x=\"%d\" y=\"%.1f\">%s</text>\n", x + 12, YE[e] + 4, xml(fit(cell(q), 44)) > svg
        } else {
            h = (WAITS[e] && !is_write(NAME[e]) && d >= BLOCK) ? KT * d : 0
            if (h < 12) h = 12
            printf "<rect x=\"%d\" y=\"%.1f\" width=\"12\" height=\"%.1f\" fill=\"%s\" stroke=\"#445\"/>\n", x - 6, y - 6, h, (h > 12) ? "#f6c28b" : "#ffffff" > svg
            printf "<text x=\"%d\" y=\"%.1f\">%s</text>\n", x + 12, y + 4, xml(fit(cell(r), 44)) > svg
        }
    }
    # arrows: bytes (blue), signals (red, dashed), fork (grey, dotted)
    for (a = 1; a <= NA; a++) {
        f = AT[a]; e = AF[a]
        if (!(f in YS)) continue
        x2 = LX[LANE[P[f]]]; y2 = (AK[a] == "data" || AK[a] == "meet") ? YE[f] : YS[f]
        if (AK[a] == "signal" && (e == 0 || !(e in YS))) {      # from outside the trace
            x1 = X0 - 24; y1 = y2 - 8
            printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\" marker-end=\"url(#fletxa-s)\"/>\n", x1, y1, x2 - 7, y2 > svg
            printf "<text x=\"%d\" y=\"%.1f\" fill=\"#c0392b\" font-size=\"11\">%s</text>\n", x1, y1 - 4, xml(ALAB[a]) > svg
            continue
        }
        else if (!(e in YS)) continue
        else { x1 = LX[LANE[P[e]]]; y1 = YS[e]; lab = ALAB[a] }
        if (x1 == x2) continue
        col = (AK[a] == "data") ? "#1f5fbf" : (AK[a] == "signal") ? "#c0392b" : "#777"
        dash = (AK[a] == "data") ? "" : (AK[a] == "signal") ? " stroke-dasharray=\"6 3\"" : " stroke-dasharray=\"2 3\""
        mk = (AK[a] == "data") ? "fletxa-b" : (AK[a] == "signal") ? "fletxa-s" : "fletxa-f"
        x2e = (x2 > x1) ? x2 - 7 : x2 + 7
        printf "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.5\"%s marker-end=\"url(#%s)\"/>\n", x1, y1, x2e, y2, col, dash, mk > svg
        # the label just left of the right-hand lifeline, above the arrow
        printf "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"11\" text-anchor=\"end\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">%s</text>\n", (x2 > x1 ? x2 : x1) - 14, (x2 > x1 ? y2 : y1) - 5, col, xml(fit(lab, 30)) > svg
    }
    y = Y[NR_] + 40
    printf "<text x=\"10\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">Caixa taronja: la crida ha estat bloquejada; l'alçada creix amb el temps que hi ha estat.</text>\n", y > svg
    printf "<text x=\"10\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">Blau: bytes d'un procés a l'altre. Vermell: un senyal. Gris: fork(), i el connect() o l'open() que una crida esperava.</text>\n", y + 16 > svg
    if (RENAMES != "") printf "<text x=\"10\" y=\"%.1f\" font-size=\"11\" fill=\"#333\">%s</text>\n", y + 32, xml("Noms com al codi; a strace: " RENAMES ".") > svg
    print "</svg>" > svg
    close(svg)
}
