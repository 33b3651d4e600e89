package smittywpar.smit;

/** Where a definition stands in the menu files: file, 1-based line and column. */
public record Mark(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
