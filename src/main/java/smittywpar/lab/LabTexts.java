package smittywpar.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.ResourceBundle;
import java.util.Set;

import smittywpar.base.Bundled;
import smittywpar.msg.Messages;

/**
 * The lab command's help texts as picocli reads them (a resource bundle), taken from the one
 * message catalogue: every catalogue key that starts with the command's name. picocli looks a
 * text up by the command's qualified name and its own key ({@code smitty-wpar.host.init.usage.description},
 * {@code smitty-wpar.host.init.force} for an option whose descriptionKey is {@code force}).
 */
final class LabTexts extends ResourceBundle {
    private static final String PREFIX = LabContext.PROG + ".";
    private final Set<String> keys = keys();

    private static Set<String> keys() {
        Set<String> out = new LinkedHashSet<>();
        try {
            byte[] text = Bundled.read("smittywpar/messages.properties");
            for (String line : new String(text == null ? new byte[0] : text, StandardCharsets.ISO_8859_1).split("\n")) {
                int eq = line.indexOf('=');
                if (line.startsWith(PREFIX) && eq > 0) {
                    out.add(line.substring(0, eq));
                }
            }
        } catch (IOException e) {
            // no help texts: picocli shows the commands without descriptions
        }
        return out;
    }

    @Override
    protected Object handleGetObject(String key) {
        return keys.contains(key) ? Messages.get(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(keys);
    }

    @Override
    protected Set<String> handleKeySet() {
        return keys;
    }
}
