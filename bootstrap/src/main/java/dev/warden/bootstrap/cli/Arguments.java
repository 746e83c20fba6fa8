package dev.warden.bootstrap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command line split in two: settings ({@code --datasources.default.url=...}: a name with a dot,
 * as Micronaut reads them from the command line) and the rest, which is the command. Settings may
 * stand anywhere, so {@code warden --micronaut.server.port=9090} serves as it always did.
 */
public record Arguments(List<String> settings, List<String> command) {

    private static final Pattern SETTING = Pattern.compile("--[^=\\s]+\\.[^=\\s]+=.*", Pattern.DOTALL);

    public Arguments {
        settings = List.copyOf(settings);
        command = List.copyOf(command);
    }

    public static Arguments split(String... args) {
        List<String> settings = new ArrayList<>();
        List<String> command = new ArrayList<>();
        for (String arg : args) {
            (SETTING.matcher(arg).matches() ? settings : command).add(arg);
        }
        return new Arguments(settings, command);
    }

    public String[] commandArray() {
        return command.toArray(String[]::new);
    }
}
