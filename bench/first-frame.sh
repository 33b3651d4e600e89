#!/bin/sh
# Time to the first full frame of `smitty mkwpar` in a real terminal (tmux), beside a bare-JVM
# hello world printed in the same terminal: from send-keys to the capture-pane that shows the
# whole screen (title and last legend line), polled every 10 ms. Prints each run and
# the medians. Usage: bench/first-frame.sh [runs]   (needs tmux; builds nothing)
set -eu
runs=${1:-11}
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/bench/frame
rm -rf "$work"; mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello-done"); } }\n' >"$work/hello/Hello.java"
javac --release 17 -d "$work/hello" "$work/hello/Hello.java"
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[ -x "$java" ] || java=$(command -v java)
sock=smittybench$$
tmux -L "$sock" new-session -d -s b -x 80 -y 24 "env -i PATH=$root/bin:/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME=$work SMITTY_WPAR_HOME=$work/state sh"
trap 'tmux -L "$sock" kill-server 2>/dev/null' EXIT
sleep 0.5
# warm-up: the start-up caches are made after the first runs
for i in 1 2 3; do
    tmux -L "$sock" send-keys -t b "smitty mkwpar" Enter; sleep 2.5
    tmux -L "$sock" send-keys -t b F10; sleep 1
done
sleep 6
# time one run: $1 = command, $2 = text whose appearance ends the run, $3 = keys to leave
measure() {
    tmux -L "$sock" send-keys -t b "clear" Enter; sleep 0.3
    start=$(date +%s%N)
    tmux -L "$sock" send-keys -t b "$1" Enter
    # poll every 10 ms: polling flat out would take the CPU the program under test needs
    while :; do
        if tmux -L "$sock" capture-pane -t b -p | grep -q "$2"; then break; fi
        sleep 0.01
    done
    end=$(date +%s%N)
    [ -n "$3" ] && tmux -L "$sock" send-keys -t b "$3"
    sleep 0.8
    echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: >"$work/hello.ms"; : >"$work/smitty.ms"
for i in $(seq "$runs"); do
    measure "$java -cp $work/hello Hello" "^hello-done" "" >>"$work/hello.ms"
    measure "smitty mkwpar" "^F9=Shell  *F10=Exit  *Enter=Do" F10 >>"$work/smitty.ms"
done
h=$(median <"$work/hello.ms"); s=$(median <"$work/smitty.ms")
echo "hello world first output: $(tr '\n' ' ' <"$work/hello.ms")-> median $h ms"
echo "smitty mkwpar first frame: $(tr '\n' ' ' <"$work/smitty.ms")-> median $s ms"
awk -v h="$h" -v s="$s" 'BEGIN { printf "ratio: %.2f\n", s / h }'
