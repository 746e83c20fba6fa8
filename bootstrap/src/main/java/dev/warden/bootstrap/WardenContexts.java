package dev.warden.bootstrap;

import dev.warden.bootstrap.cli.Contexts;
import io.micronaut.context.ApplicationContext;
import java.util.List;

/** The two ways the command line starts Warden, as {@link Application} starts them. */
final class WardenContexts implements Contexts {

    @Override
    public ApplicationContext server(List<String> settings) {
        return Application.start(settings.toArray(String[]::new));
    }

    @Override
    public ApplicationContext operator(List<String> settings) {
        return Application.operator(settings.toArray(String[]::new));
    }
}
