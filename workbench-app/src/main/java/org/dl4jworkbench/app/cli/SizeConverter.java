package org.dl4jworkbench.app.cli;

import org.dl4jworkbench.core.spec.InputSpec;
import picocli.CommandLine;

/** Reads an image size written {@code HEIGHTxWIDTHxCHANNELS}, e.g. 128x128x3. */
public final class SizeConverter implements CommandLine.ITypeConverter<InputSpec> {

    @Override
    public InputSpec convert(String value) {
        String[] parts = value.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 3) {
                var size = new InputSpec(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]));
                if (size.height() > 0 && size.width() > 0 && (size.channels() == 1 || size.channels() == 3)) {
                    return size;
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new CommandLine.TypeConversionException("expected HEIGHTxWIDTHxCHANNELS with 1 or 3 channels, "
                + "e.g. 128x128x3, found '" + value + "'");
    }
}
