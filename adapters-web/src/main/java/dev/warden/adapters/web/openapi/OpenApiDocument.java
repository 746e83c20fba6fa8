package dev.warden.adapters.web.openapi;

import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The OpenAPI document micronaut-openapi generated from the controllers at compile time, completed with
 * what annotations cannot say once for every route: the problem responses each operation can give,
 * derived from its shape (secured, path ids, a body, a write), and the meaning of the shared query
 * parameters. A route added later gets them without touching this class.
 */
@Singleton
final class OpenApiDocument {

    static final String GENERATED = "META-INF/swagger/warden.yml";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

    /** Every problem response the API gives, by status: the one table operations refer to. */
    private static final Map<String, String> RESPONSES = ordered(
            "400", "The request is wrong: a body that is not JSON or breaks a rule, an id that is not one, "
                    + "a query parameter out of range. fieldErrors names each wrong field or parameter.",
            "401", "No token, or one that is expired, tampered with, unsigned or signed with another key "
                    + "(POST /login: wrong username or password, the same answer for unknown users)",
            "403", "The token's role may not do this (VIEWER reads only; some routes are SUPER_ADMIN's)",
            "404", "No such resource in the caller's organisation; another organisation's resources are "
                    + "not found either",
            "409", "The resource's state refuses the change, or it changed meanwhile",
            "413", "The body is larger than the server accepts",
            "415", "The body is not application/json",
            "422", "The content breaks a rule of WhatsApp templates; the detail names the component and the rule",
            "429", "Too many failed logins from this address or for this username; retry after Retry-After seconds",
            "500", "Warden failed; the problem says nothing internal, the server log has the details");

    private static final Map<String, String> PARAMETERS = Map.of(
            "organizationId", "SUPER_ADMIN: the organisation to act in. Others may leave it out "
                    + "(their own organisation) or give their own; another organisation's is a 403.",
            "page", "The page, counted from 0 (default 0)",
            "size", "Items per page, 1 to 100 (default 20)");

    private final String yaml;

    OpenApiDocument() {
        this.yaml = complete(load());
    }

    /** The document as YAML, the same for every request. */
    String yaml() {
        return yaml;
    }

    private static Map<String, Object> load() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(GENERATED)) {
            if (in == null) {
                throw new ConfigurationException(GENERATED + " is missing: adapters-web was compiled without "
                        + "micronaut-openapi");
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String complete(Map<String, Object> document) {
        Map<String, Object> components = child(document, "components");
        child(components, "schemas").put("Problem", problemSchema());
        Map<String, Object> responses = child(components, "responses");
        RESPONSES.forEach((status, description) -> responses.put(status, problemResponse(status, description)));
        child(document, "paths").forEach((path, item) -> asMap(item).forEach((method, operation) -> {
            if (WRITES.contains(method) || "get".equals(method)) {
                completeOperation(path, method, asMap(operation));
            }
        }));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(new Representer(options), options).dump(document);
    }

    private static void completeOperation(String path, String method, Map<String, Object> operation) {
        List<?> parameters = operation.get("parameters") instanceof List<?> list ? list : List.of();
        boolean body = operation.containsKey("requestBody");
        boolean secured = operation.get("security") instanceof List<?> security && !security.isEmpty();
        // Swagger UI groups operations by tag: by default the resource the path starts with.
        operation.putIfAbsent("tags", List.of(resource(path)));
        Map<String, Object> responses = child(operation, "responses");
        refer(responses, "400", !parameters.isEmpty() || body);
        refer(responses, "401", secured || "/login".equals(path));
        refer(responses, "403", secured);
        refer(responses, "404", path.contains("{"));
        refer(responses, "409", secured && WRITES.contains(method));
        refer(responses, "413", body);
        refer(responses, "415", body);
        refer(responses, "422", secured && body);
        refer(responses, "429", "/login".equals(path));
        refer(responses, "500", true);
        parameters.forEach(p -> {
            Map<String, Object> parameter = asMap(p);
            String meaning = PARAMETERS.get(String.valueOf(parameter.get("name")));
            if (meaning != null && "query".equals(parameter.get("in"))) {
                parameter.putIfAbsent("description", meaning);
            }
        });
    }

    private static String resource(String path) {
        String[] segments = path.replaceFirst("^/api/v1/", "/").split("/");
        return segments.length > 1 ? segments[1] : "api";
    }

    private static void refer(Map<String, Object> responses, String status, boolean applies) {
        if (applies) {
            // An operation that documents a status itself keeps its own words.
            responses.putIfAbsent(status, Map.of("$ref", "#/components/responses/" + status));
        }
    }

    private static Map<String, Object> problemResponse(String status, String description) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        if ("429".equals(status)) {
            response.put("headers", Map.of("Retry-After", Map.of("description", "Seconds to wait",
                    "schema", Map.of("type", "integer"))));
        }
        response.put("content", Map.of("application/problem+json", Map.of("schema", Map.of("$ref", PROBLEM))));
        return response;
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "description", "about:blank: the status says it all"));
        properties.put("title", Map.of("type", "string", "description", "The status's reason phrase"));
        properties.put("status", Map.of("type", "integer"));
        properties.put("detail", Map.of("type", "string", "description", "What was wrong, for a person"));
        properties.put("instance", Map.of("type", "string", "description", "The request path"));
        properties.put("errors", Map.of("type", "array", "items", Map.of("type", "string"),
                "description", "Every message, when there is more than one"));
        properties.put("fieldErrors", Map.of("type", "array", "description", "Each wrong field or parameter",
                "items", Map.of("type", "object", "properties", Map.of("field", Map.of("type", "string"),
                        "message", Map.of("type", "string")))));
        return Map.of("type", "object", "description", "An RFC 7807 problem (application/problem+json)",
                "required", List.of("type", "title", "status"), "properties", properties);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, String> ordered(String... statusesAndDescriptions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < statusesAndDescriptions.length; i += 2) {
            map.put(statusesAndDescriptions[i], statusesAndDescriptions[i + 1]);
        }
        return map;
    }
}
