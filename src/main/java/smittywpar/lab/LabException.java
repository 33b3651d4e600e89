package smittywpar.lab;

import java.util.List;

import smittywpar.msg.Messages;

/**
 * A failure of a lab command: the catalogue text (or texts: every problem of a file) the command
 * prints on standard error, one line each after the command's name, and exit status 1.
 */
final class LabException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient List<String> lines;

    LabException(List<String> lines) {
        super(String.join("\n", lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    static LabException of(String key, Object... args) {
        return new LabException(List.of(Messages.get(key, args)));
    }
}
