package smittywpar.testkit;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words as sh does for the quoting used in transcripts. */
public final class Shell {
    private Shell() {
    }

    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unbalanced ' in: " + line);
                }
                cur.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < line.length() && line.charAt(i) != '"') {
                    if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                        i++;
                    }
                    cur.append(line.charAt(i++));
                }
                if (i >= line.length()) {
                    throw new IllegalArgumentException("unbalanced \" in: " + line);
                }
                inWord = true;
                i++;
            } else if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                cur.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }
}
