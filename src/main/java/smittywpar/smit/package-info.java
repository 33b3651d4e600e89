/**
 * The SMIT runtime: the menu tree of {@code menus/} and one smitty session, without any user
 * interface (nothing here imports Lanterna).
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link smittywpar.smit.MenuLoader} reads the YAML files into a {@link smittywpar.smit.MenuTree}
 * of {@link smittywpar.smit.Menu}s, {@link smittywpar.smit.Selector}s and
 * {@link smittywpar.smit.Dialog}s with their {@link smittywpar.smit.Field}s;
 * {@link smittywpar.smit.Validator} checks it against the command registry;
 * {@link smittywpar.smit.TreeCache} keeps the checked tree so that later starts skip both.</li>
 * <li>{@link smittywpar.smit.Composer} builds a dialog's command line by SMIT's rules;
 * {@link smittywpar.smit.ShellWords} turns that text into the words that run.</li>
 * <li>{@link smittywpar.smit.CommandRunner} runs command lines through
 * {@link smittywpar.cmd.Commands} with captured output; {@link smittywpar.smit.SmitLog} writes
 * smit.log and smit.script.</li>
 * <li>{@link smittywpar.smit.Session} is one session: the navigation between screens. Its parts:
 * the state of each screen, field and pop-up ({@code ScreenState}, {@code FieldState},
 * {@code PopupState}), the builder of the screen model ({@code ViewBuilder}), lists and discovery
 * ({@code HelperCommands}, reading colon output with {@link smittywpar.cmd.ColonFormat}), and
 * which screens lead somewhere in this build ({@code Availability}).
 * {@link smittywpar.smit.SmitCli} parses the smitty command line and returns a started
 * session.</li>
 * </ul>
 *
 * <h2>For the full-screen interface</h2>
 *
 * <pre>{@code
 * SmitCli.Start st = SmitCli.prepare(argv, env, cwd, out, err);
 * if (st.done()) return st.exitCode();            // -h, usage error, invalid menus: already printed
 * Session s = st.session();                        // started at the fast path (or System Management)
 * while (!s.finished()) {
 *     draw(s.view());                              // View: base screen + optional pop-up + legend
 *     if (s.pending()) { s.runPending(); continue; }   // COMMAND STATUS showed "running"; now run
 *     // (or s.start(redraw): it runs on its own thread, the output shows as it comes, and
 *     //  while s.running() only s.interrupt() acts; redraw when s.changes() moves on)
 *     switch (readKey()) { ... call one action ... }
 * }
 * return s.exitCode();                             // 1 after an unknown fast path, else 0
 * }</pre>
 *
 * <p>{@link smittywpar.smit.View} is plain data: {@code view.base()} is a
 * {@code MenuScreen}, {@code DialogScreen} (dialog or selector), {@code OutputScreen} (COMMAND
 * STATUS) or {@code BlankScreen}; {@code view.popup()} is null or a {@code ListPopup} (F4),
 * {@code ConfirmPopup} (ARE YOU SURE?) or {@code MessagePopup} (ERROR MESSAGE, SHOW COMMAND STRING,
 * F1 help, F8); {@code view.kind()} says which has the keyboard; {@code view.legend()} lists the
 * function keys to show. Every text is filled in (titles, instructions, {@code [Entry Fields]},
 * status words, messages); help texts and long messages come as lines that the interface wraps
 * to its pop-up width. Dialog rows ({@code FieldLine}) carry the label, indent, required star,
 * entry kind (text, numeric, hex, ring, display-only, info row), whether to bracket the value,
 * the marker column text, the value, whether it was changed, and the size limit.
 *
 * <p>Keys map to actions; none of them throws for anything a user does, and all are ignored
 * where SMIT ignores the key:
 * <table>
 * <caption>keys</caption>
 * <tr><td>Up/Down, PgUp/PgDn</td><td>{@code moveCursor(delta)} (or {@code setCursor(i)})</td></tr>
 * <tr><td>Enter</td><td>{@code enter()}: open item, run dialog, choose from list, confirm, dismiss</td></tr>
 * <tr><td>F1</td><td>{@code help()}</td></tr>
 * <tr><td>F3 / Esc 3</td><td>{@code cancel()}: close pop-up or go back; from the first screen ends</td></tr>
 * <tr><td>F4</td><td>{@code list()}</td></tr>
 * <tr><td>F5</td><td>{@code reset()}</td></tr>
 * <tr><td>F6</td><td>{@code showCommand()}</td></tr>
 * <tr><td>F7</td><td>{@code toggleMark()} in a multi-select list (F7=Edit on a field is the
 * interface's own editor, which then calls {@code setValue})</td></tr>
 * <tr><td>F8</td><td>{@code image(rowsAsDrawn)}</td></tr>
 * <tr><td>F10 / Esc 0</td><td>{@code exit()}</td></tr>
 * <tr><td>Tab / Shift-Tab</td><td>{@code ringNext()} / {@code ringPrev()}</td></tr>
 * <tr><td>typing in a field</td><td>{@code setValue(wholeText)}: false means refused (beep)</td></tr>
 * <tr><td>/ and n</td><td>{@code find(text)} / {@code findNext()} (menus, lists, output)</td></tr>
 * </table>
 * F2 (refresh) and F9 (shell) are the interface's own business.
 */
package smittywpar.smit;
