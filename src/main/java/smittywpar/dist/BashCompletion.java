package smittywpar.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import smittywpar.cmd.OptionTable;
import smittywpar.cmd.OptionTable.Arg;
import smittywpar.cmd.OptionTable.Kind;
import smittywpar.cmd.OptionTable.Syntax;
import smittywpar.lab.Lab;
import smittywpar.smit.SmitCli;

/**
 * Writes the bash completion of smitty and of every command of {@code bin/}, generated from the
 * commands' option tables ({@link OptionTable}) and the fast paths of the packaged menus, and of
 * the companion command {@code smitty-wpar} (picocli's AutoComplete of its command tree: exactly
 * what {@code smitty-wpar completion} prints). The build runs it
 * ({@code share/bash-completion/completions/} of the release archive):
 *
 * <pre>
 * java -cp smitty-wpar.jar smittywpar.dist.BashCompletion DIRECTORY
 * </pre>
 *
 * It writes {@code DIRECTORY/smitty-wpar}, the script (also the completion file of the companion
 * command, whose name it has), and for each other command name a one-line file that loads it
 * (bash-completion loads {@code completions/NAME} when NAME is first completed).
 */
public final class BashCompletion {
    /** The name of the script file (the package's name). */
    public static final String SCRIPT = "smitty-wpar";

    private BashCompletion() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BashCompletion DIRECTORY");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }

    /** Writes the script and the per-name files into {@code dir}; returns the names completed. */
    public static List<String> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Syntax> tables = tables();
        Files.writeString(dir.resolve(SCRIPT), script(tables, SmitCli.packagedFastPaths()) + Lab.bashCompletion(),
                StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>(List.of(Lab.NAME));
        for (Syntax s : tables) {
            if (s.linked()) {
                names.add(s.command());
                Files.writeString(dir.resolve(s.command()), "# bash completion of " + s.command()
                        + " (smitty-wpar): the package's one script\n. \"${BASH_SOURCE[0]%/*}/" + SCRIPT + "\"\n",
                        StandardCharsets.UTF_8);
            }
        }
        return names;
    }

    /**
     * Every command the package provides (a name of {@code bin/}, or a command smitty or clogin
     * runs): those of {@link #tables()}, then the companion command.
     */
    public static List<String> commands() {
        List<String> out = new ArrayList<>();
        tables().forEach(s -> out.add(s.command()));
        out.add(Lab.NAME);
        return out;
    }

    /** smitty's table, then every registered command's. */
    public static List<Syntax> tables() {
        List<Syntax> out = new ArrayList<>();
        out.add(smitty());
        out.addAll(OptionTable.all());
        return out;
    }

    /** smitty's own option table: its flags, --ascii, fast paths after -m -n -d and as its operand. */
    public static Syntax smitty() {
        Arg fastPath = new Arg(Kind.FASTPATH, List.of());
        Map<Character, Arg> args = Map.of('l', new Arg(Kind.FILE, List.of()), 's', new Arg(Kind.FILE, List.of()),
                'o', new Arg(Kind.DIRECTORY, List.of()), 'm', fastPath, 'n', fastPath, 'd', fastPath);
        return new Syntax("smitty", SmitCli.OPTIONS, List.of("--ascii"), args, fastPath, true);
    }

    /** The completion script for {@code tables}. */
    public static String script(List<Syntax> tables, List<String> fastPaths) {
        StringBuilder b = new StringBuilder();
        b.append(HEAD);
        b.append("_smitty_wpar_table() {\n    case $1 in\n");
        for (Syntax s : tables) {
            b.append("        ").append(s.command()).append(") opts=").append(quote(s.options())).append(" longs=")
                    .append(quote(String.join(" ", s.longOptions()))).append(" operand=")
                    .append(kind(s.operands())).append(" operand_words=")
                    .append(quote(String.join(" ", s.operands().words())))
                    .append(s.command().equals("clogin") ? " name_first=1" : "").append(" ;;\n");
        }
        b.append("        *) return 1 ;;\n    esac\n}\n\n");
        b.append("# the word after flag $2 of command $1: kind and words\n");
        b.append("_smitty_wpar_arg() {\n    case $1-$2 in\n");
        Map<String, List<String>> byArg = new TreeMap<>();
        for (Syntax s : tables) {
            for (char f : s.flags()) {
                Arg a = s.arg(f);
                if (a.kind() != Kind.TEXT && s.argument(f) != ' ') {
                    String key = "kind=" + kind(a) + " argwords=" + quote(String.join(" ", a.words()));
                    byArg.computeIfAbsent(key, k -> new ArrayList<>()).add(s.command() + "-" + (f == '@' ? "@" : f));
                }
            }
        }
        for (Map.Entry<String, List<String>> e : byArg.entrySet()) {
            b.append("        ").append(String.join(" | ", e.getValue())).append(") ").append(e.getKey())
                    .append(" ;;\n");
        }
        b.append("        *) kind=text argwords= ;;\n    esac\n}\n\n");
        b.append("_smitty_wpar_fast_paths=").append(quote(String.join(" ", fastPaths))).append("\n");
        b.append(BODY);
        List<String> names = new ArrayList<>();
        for (Syntax s : tables) {
            if (s.linked()) {
                names.add(s.command());
            }
        }
        b.append("complete -F _smitty_wpar ").append(String.join(" ", names)).append("\n");
        return b.toString();
    }

    private static String kind(Arg a) {
        return a.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String HEAD = """
            # bash completion for smitty-wpar: smitty and the AIX commands of its bin/ directory, then the
            # companion command smitty-wpar itself (the script smitty-wpar completion prints).
            # Generated from the commands' option tables by smittywpar.dist.BashCompletion: do not edit.
            # Load it with:  . share/bash-completion/completions/smitty-wpar
            # (bash-completion loads it by itself from ~/.local/share/bash-completion/completions/).

            # the option table of command $1: its flags (getopt syntax), other words, its operands
            """;

    private static final String BODY = """

            # the names of the WPARs of the host of the command being completed ($1: its path)
            _smitty_wpar_names() {
                "${1%/*}/lswpar" -qca name 2>/dev/null
            }

            # offers the words $1 that start with the word being completed
            _smitty_wpar_offer() {
                local IFS=$' \\t\\n'
                COMPREPLY+=($(compgen -W "$1" -- "$cur"))
            }

            # completes a word of kind $1 (words $2)
            _smitty_wpar_kind() {
                case $1 in
                    file) local IFS=$'\n'; COMPREPLY+=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null ;;
                    directory) local IFS=$'\n'; COMPREPLY+=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null ;;
                    wpar) _smitty_wpar_offer "$(_smitty_wpar_names "$path")" ;;
                    fastpath) _smitty_wpar_offer "$_smitty_wpar_fast_paths" ;;
                    words) _smitty_wpar_offer "$2" ;;
                    attributes)
                        case $cur in
                            *=*) ;;
                            *) local w list=
                               for w in $2; do list="$list $w="; done
                               _smitty_wpar_offer "$list"
                               compopt -o nospace 2>/dev/null ;;
                        esac ;;
                esac
            }

            # how the flag letter $1 takes words: ' ' none, ':' one, '?' an optional one, '+' '*' attribute words
            _smitty_wpar_takes() {
                local rest=${opts#*"$1"}
                if [[ $opts != *"$1"* ]]; then takes=' '
                elif [[ $rest == ::* ]]; then takes='?'
                else case ${rest:0:1} in ':' | '+' | '*') takes=${rest:0:1} ;; *) takes=' ' ;; esac
                fi
            }

            _smitty_wpar() {
                local line=${COMP_LINE:0:COMP_POINT} words cur cword path
                local opts longs operand operand_words name_first= kind argwords takes
                COMPREPLY=()
                local IFS=$' \\t\\n'
                local -
                set -f
                words=($line)
                [[ -z $line || $line == *[[:space:]] ]] && words+=("")
                cword=$((${#words[@]} - 1))
                cur=${words[cword]}
                # the machine's own df, mount ... (not a name of this package's launcher): file names
                path=$(type -P -- "${words[0]}")
                if [[ -z $path || ! ( ${path##*/} == smitty || ${path%/*}/smitty -ef $path ) ]]; then
                    compopt -o default 2>/dev/null
                    return 0
                fi
                _smitty_wpar_table "${words[0]##*/}" || return 0
                # read the words before the current one as the command's getopt does
                local i=1 j w c flags=1 pending= attr= nops=0
                while ((i < cword)); do
                    w=${words[i]}
                    if [[ -n $pending ]]; then
                        c=$pending
                        pending=
                        _smitty_wpar_takes "$c"
                        if [[ $takes != '?' || $w != -* ]]; then
                            [[ $takes == [+*] ]] && attr=$c
                            ((i++))
                            continue
                        fi
                    fi
                    if [[ -n $attr && $w != -* && $w == *=* ]]; then
                        :
                    elif ((flags)) && [[ $w == -?* && ! ( -n $name_first && $nops == 0 ) ]]; then
                        attr=
                        if [[ $w == -- ]]; then
                            flags=0
                        else
                            for ((j = 1; j < ${#w}; j++)); do
                                c=${w:j:1}
                                _smitty_wpar_takes "$c"
                                case $takes in
                                    ' ') continue ;;
                                    '*') attr=$c ;;
                                    *) if ((j + 1 == ${#w})); then pending=$c
                                       elif [[ $takes == + ]]; then attr=$c
                                       fi ;;
                                esac
                                break
                            done
                        fi
                    else
                        attr=
                        ((nops++))
                        [[ -n $name_first && $nops == 1 ]] || flags=0
                    fi
                    ((i++))
                done
                if [[ -n $pending ]]; then
                    _smitty_wpar_takes "$pending"
                    if [[ $takes == '?' && $cur == -* ]]; then
                        pending=
                    else
                        _smitty_wpar_arg "${words[0]##*/}" "$pending"
                        _smitty_wpar_kind "$kind" "$argwords"
                        return 0
                    fi
                fi
                if ((flags)) && [[ $cur == -* && ! ( -n $name_first && $nops == 0 ) ]]; then
                    local list= k
                    for ((k = 0; k < ${#opts}; k++)); do
                        c=${opts:k:1}
                        case $c in ':' | '+' | '*') ;; *) list="$list -$c" ;; esac
                    done
                    _smitty_wpar_offer "$list $longs"
                    return 0
                fi
                if [[ -n $attr && $cur != -* ]]; then
                    _smitty_wpar_arg "${words[0]##*/}" "$attr"
                    _smitty_wpar_kind "$kind" "$argwords"
                    [[ $cur == *=* ]] && return 0
                fi
                if [[ -n $name_first && $nops -gt 0 ]]; then
                    return 0
                fi
                _smitty_wpar_kind "$operand" "$operand_words"
                return 0
            }

            """;
}
