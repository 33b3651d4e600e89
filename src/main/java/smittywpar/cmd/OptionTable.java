package smittywpar.cmd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import smittywpar.wpar.Attribute;
import smittywpar.wpar.CreationSources;
import smittywpar.wpar.ValueType;

/**
 * A command's option table as its man page and its bash completion see it: the flags it parses
 * with ({@link Commands#options}, {@link Getopt}'s syntax) and what the words after a flag and
 * the operands are (a file, a WPAR name, attribute names ...). Only the release tooling and the
 * tests read it; no command loads it.
 */
public final class OptionTable {
    /** What a word is, for completion. */
    public enum Kind {
        /** free text: nothing is offered */
        TEXT,
        /** a file of the machine (a path) */
        FILE,
        /** a directory of the machine */
        DIRECTORY,
        /** the name of a WPAR of the host ({@code lswpar -qca name}) */
        WPAR,
        /** {@code attribute=value} words: the attribute names are offered */
        ATTRIBUTES,
        /** one of fixed words */
        WORDS,
        /** a SMIT fast path */
        FASTPATH,
        /** nothing may follow */
        NONE
    }

    /** What follows a flag, or what the operands are: a kind and, for ATTRIBUTES and WORDS, the words. */
    public record Arg(Kind kind, List<String> words) {
        public static final Arg TEXT = new Arg(Kind.TEXT, List.of());
        public static final Arg NONE = new Arg(Kind.NONE, List.of());

        static Arg of(Kind kind) {
            return new Arg(kind, List.of());
        }
    }

    /**
     * One command's table.
     *
     * @param command the command name
     * @param options its flags in {@link Getopt}'s syntax
     * @param longOptions words it takes besides (smitty's {@code --ascii}), in order
     * @param args what the word after a flag that takes one is (absent: {@link Arg#TEXT})
     * @param operands what its operands are
     * @param linked whether {@code bin/} has a name for it (ps has none)
     */
    public record Syntax(String command, String options, List<String> longOptions, Map<Character, Arg> args,
            Arg operands, boolean linked) {
        /** The flag letters, in the order of the option string. */
        public List<Character> flags() {
            List<Character> out = new ArrayList<>();
            for (int i = 0; i < options.length(); i++) {
                char c = options.charAt(i);
                if (c != ':' && c != '+' && c != '*') {
                    out.add(c);
                }
            }
            return out;
        }

        /** {@code ' '} no argument, {@code ':'} one, {@code '?'} an optional one, {@code '+'}/{@code '*'} attribute words. */
        public char argument(char flag) {
            int i = options.indexOf(flag);
            if (i < 0 || i + 1 >= options.length()) {
                return ' ';
            }
            if (options.startsWith("::", i + 1)) {
                return '?';
            }
            char n = options.charAt(i + 1);
            return n == ':' || n == '+' || n == '*' ? n : ' ';
        }

        /** What the word after {@code flag} is (TEXT when the table does not say). */
        public Arg arg(char flag) {
            return args.getOrDefault(flag, Arg.TEXT);
        }
    }

    private OptionTable() {
    }

    /** The table of every registered command, in the registry's order. */
    public static List<Syntax> all() {
        List<Syntax> out = new ArrayList<>();
        for (String name : Commands.NAMES) {
            out.add(of(name));
        }
        return out;
    }

    /**
     * The table of registered command {@code name}; a command this class does not describe gets its
     * flags with free-text arguments and operands.
     *
     * @throws IllegalArgumentException when the command is not registered or declares no option table
     */
    public static Syntax of(String name) {
        String options = Commands.options(name);
        if (options == null) {
            throw new IllegalArgumentException(name + ": no option table (see docs/DEVELOPING.md)");
        }
        Map<Character, Arg> args = new LinkedHashMap<>();
        Arg operands = Arg.TEXT;
        boolean linked = true;
        switch (name) {
            case "mkwpar" -> {
                wparAttributes(args, options, 'm');
                args.put('L', new Arg(Kind.ATTRIBUTES, CreationSources.IMAGE_OPTIONS));
                files(args, "bBfkou");
                args.put('d', Arg.of(Kind.DIRECTORY));
                args.put('E', Arg.of(Kind.DIRECTORY));
                args.put('e', Arg.of(Kind.WPAR));
                operands = Arg.NONE;
            }
            case "chwpar" -> {
                wparAttributes(args, options, 'c');
                files(args, "u");
                args.put('d', Arg.of(Kind.DIRECTORY));
                operands = Arg.of(Kind.WPAR);
            }
            case "lswpar" -> {
                args.put('s', new Arg(Kind.WORDS, List.of("D", "L", "A", "F", "P", "M", "B", "T", "E")));
                args.put('t', new Arg(Kind.WORDS, List.of("S", "A")));
                args.put('B', new Arg(Kind.WORDS, List.of("r", "f")));
                operands = Arg.of(Kind.WPAR);
            }
            case "startwpar", "stopwpar", "rebootwpar", "rmwpar", "clogin" -> operands = Arg.of(Kind.WPAR);
            case "ps" -> {
                args.put('@', Arg.of(Kind.WPAR));
                operands = Arg.NONE;
                linked = false;
            }
            case "mount", "umount" -> args.put('t', new Arg(Kind.WORDS, List.of("wpar")));
            case "lsdev" -> {
                args.put('c', new Arg(Kind.WORDS, List.of("adapter", "disk", "if", "processor", "tape", "cdrom")));
                args.put('t', new Arg(Kind.WORDS, DeviceTypes.known()));
                args.put('S', new Arg(Kind.WORDS, List.of("Available", "Defined")));
                operands = Arg.NONE;
            }
            case "oslevel", "aixsh" -> operands = Arg.NONE;
            case "wparexec" -> {
                wparAttributes(args, options, 'm');
                files(args, "fou");
                args.put('e', Arg.of(Kind.WPAR));
                operands = Arg.of(Kind.FILE);
            }
            case "syncwpar" -> {
                files(args, "fd");
                operands = Arg.of(Kind.WPAR);
            }
            case "savewpar" -> {
                files(args, "f");
                operands = Arg.of(Kind.WPAR);
            }
            case "mkwpardata" -> operands = Arg.of(Kind.WPAR);
            case "restwpar" -> {
                files(args, "fBiw");
                args.put('d', Arg.of(Kind.DIRECTORY));
                args.put('S', new Arg(Kind.WORDS, List.of("a", "A", "f", "F", "n")));
                operands = Arg.NONE;
            }
            case "lssavewpar" -> {
                files(args, "f");
                operands = Arg.NONE;
            }
            case "restwparfiles" -> {
                files(args, "f");
                args.put('d', Arg.of(Kind.DIRECTORY));
            }
            case "mkcd", "mkdvd" -> {
                files(args, "dwfiuzblx");
                for (char c : "rCIp".toCharArray()) {
                    args.put(c, Arg.of(Kind.DIRECTORY));
                }
                args.put('W', Arg.of(Kind.WPAR));
                operands = Arg.NONE;
            }
            case "installp" -> files(args, "d");
            default -> {
            }
        }
        return new Syntax(name, options, List.of(), Map.copyOf(args), operands, linked);
    }

    /**
     * From the attribute table: the attribute names after the attribute flags of mkwpar ('m') or
     * chwpar ('c'), and the choices of a general attribute's own flag (-H architecture).
     */
    private static void wparAttributes(Map<Character, Arg> args, String options, char command) {
        for (Attribute a : Attribute.Section.GENERAL.attributes()) {
            char flag = command == 'm' ? a.mk : a.ch;
            if (flag != ' ' && !a.type.choices().isEmpty() && a.type != ValueType.YESNO && options.indexOf(flag) >= 0) {
                args.put(flag, new Arg(Kind.WORDS, a.type.choices()));
            }
        }
        for (Attribute.Section s : Attribute.Section.values()) {
            int i = s.flag == ' ' ? -1 : options.indexOf(s.flag);
            if (i < 0 || i + 1 >= options.length() || "+*".indexOf(options.charAt(i + 1)) < 0) {
                continue;
            }
            List<String> words = Attribute.words(s, command);
            if (!words.isEmpty()) {
                args.put(s.flag, new Arg(Kind.ATTRIBUTES, words));
            }
        }
    }

    private static void files(Map<Character, Arg> args, String letters) {
        for (char c : letters.toCharArray()) {
            args.put(c, Arg.of(Kind.FILE));
        }
    }
}
