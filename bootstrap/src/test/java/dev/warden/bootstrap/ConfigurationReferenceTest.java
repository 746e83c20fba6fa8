package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/configuration.md against the code: every {@code warden.*} setting application.yml declares
 * or the code reads ({@code ${warden.…}}, {@code @Requires(property = "warden.…")}), and every
 * {@code WARDEN_*} variable a configuration file names, is listed with its variable; and nothing
 * is listed that nothing reads.
 */
class ConfigurationReferenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(warden\\.[a-z0-9.-]+)");
    private static final Pattern REQUIRED_PROPERTY = Pattern.compile("property\\s*=\\s*\"(warden\\.[a-z0-9.-]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(WARDEN_[A-Z0-9_]+)");
    private static final Pattern DOCUMENTED_PROPERTY = Pattern.compile("`(warden\\.[a-z0-9.-]+)`");
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("^\\| `([A-Z0-9_]+)`", Pattern.MULTILINE);

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String DOC = read(ROOT.resolve("docs/configuration.md"));

    /** The {@code warden.*} keys application.yml declares, flattened, with their values as written. */
    private static Map<String, String> declared() {
        Map<String, String> keys = new TreeMap<>();
        try (InputStream yml = Files.newInputStream(ROOT.resolve("bootstrap/src/main/resources/application.yml"))) {
            Map<String, Object> root = new Yaml().load(yml);
            flatten("warden", root.get("warden"), keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void flatten(String prefix, Object value, Map<String, String> keys) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix + "." + key, child, keys));
        } else {
            keys.put(prefix, String.valueOf(value));
        }
    }

    /** Every {@code warden.*} setting the code reads or application.yml declares. */
    private static Set<String> settings() {
        Set<String> settings = new TreeSet<>(declared().keySet());
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(path -> path.toString().endsWith(".java") && path.toString().contains("/src/main/java/"))
                    .map(ConfigurationReferenceTest::read)
                    .forEach(source -> {
                        collect(PLACEHOLDER, source, settings);
                        collect(REQUIRED_PROPERTY, source, settings);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /** The {@code WARDEN_*} variables application.yml and logback.xml name. */
    private static Set<String> variables() {
        Set<String> variables = new TreeSet<>();
        collect(VARIABLE, read(ROOT.resolve("bootstrap/src/main/resources/application.yml")), variables);
        collect(VARIABLE, read(ROOT.resolve("bootstrap/src/main/resources/logback.xml")), variables);
        return variables;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    /** The variable Micronaut maps onto a property: upper case, dots and dashes as underscores. */
    private static String variableOf(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Set<String> documented(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        collect(pattern, DOC, found);
        return found;
    }

    @Test
    void every_setting_the_code_reads_is_documented_with_a_variable_that_sets_it() {
        Set<String> documentedProperties = documented(DOCUMENTED_PROPERTY);
        Set<String> documentedVariables = documented(DOCUMENTED_VARIABLE);

        assertThat(settings()).allSatisfy(setting -> {
            assertThat(documentedProperties).as("docs/configuration.md lists " + setting).contains(setting);
        });
        assertThat(variables()).as("variables named in application.yml and logback.xml")
                .isSubsetOf(documentedVariables);
    }

    @Test
    void every_documented_setting_and_variable_is_read_by_the_code() {
        Set<String> settings = settings();
        Set<String> known = new TreeSet<>(variables());
        settings.forEach(setting -> known.add(variableOf(setting)));
        known.add("DATASOURCES_DEFAULT_URL");
        known.add("MICRONAUT_SERVER_PORT");

        assertThat(settings).as("documented properties the code reads").containsAll(documented(DOCUMENTED_PROPERTY));
        assertThat(known).as("documented variables that set something").containsAll(documented(DOCUMENTED_VARIABLE));
    }

    @Test
    void each_row_pairs_a_property_with_a_variable_that_sets_it() {
        Map<String, String> declared = declared();
        DOC.lines().filter(line -> line.startsWith("| `") && DOCUMENTED_PROPERTY.matcher(line).find()).forEach(line -> {
            Matcher variable = DOCUMENTED_VARIABLE.matcher(line);
            Matcher property = DOCUMENTED_PROPERTY.matcher(line);
            assertThat(variable.find() && property.find()).as(line).isTrue();
            // Micronaut's own mapping always works; application.yml may name a shorter one as well.
            Matcher placeholder = VARIABLE.matcher(declared.getOrDefault(property.group(1), ""));
            String named = placeholder.find() ? placeholder.group(1) : variableOf(property.group(1));
            assertThat(variable.group(1)).as(line).isIn(variableOf(property.group(1)), named);
        });
    }
}
