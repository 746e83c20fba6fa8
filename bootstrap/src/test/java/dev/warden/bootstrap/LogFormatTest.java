package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Warden's own logback.xml, as an operator sets WARDEN_LOG_FORMAT: JSON lines on request, text otherwise. */
class LogFormatTest {

    /** Configures a fresh logback from the shipped logback.xml and logs one line and one failure. */
    private static String logWith(String format) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(new LogbackMDCAdapter());
            context.putProperty("WARDEN_LOG_FORMAT", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            context.getLogger("dev.warden.bootstrap.Example").info("delivery {} stored", 42);
            context.getLogger("dev.warden.bootstrap.Example").warn("group failed", new IllegalStateException("boom"));
            context.stop();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void json_gives_one_object_per_event_in_any_case_of_the_setting() throws Exception {
        for (String asked : new String[] {"json", "JSON", " Json "}) {
            String out = logWith(asked);

            assertThat(out.lines().toList()).as(asked).hasSize(2).allSatisfy(line -> assertThat(line)
                    .startsWith("{").endsWith("}").contains("\"loggerName\":\"dev.warden.bootstrap.Example\""));
            assertThat(out).contains("\"formattedMessage\":\"delivery 42 stored\"").contains("IllegalStateException")
                    .contains("boom");
        }
    }

    @Test
    void text_is_the_default_and_what_an_unknown_setting_gets() throws Exception {
        for (String asked : new String[] {"", "text", "jsn"}) {
            String out = logWith(asked);

            assertThat(out).as(asked).contains("INFO  [").contains("- delivery 42 stored")
                    .contains("java.lang.IllegalStateException: boom").doesNotContain("formattedMessage");
        }
    }
}
