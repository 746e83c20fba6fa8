package dev.warden.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The operations of a served OpenAPI document, read as a client would: path, method, roles, parameters, body. */
final class ApiOperations {

    private static final Pattern PATH_PARAMETER = Pattern.compile("([^/]*)/\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /**
     * POSTs that only compute an answer from their body (a body is why they are not GETs), and the live
     * socket's ticket, which stores nothing (a POST so that no cache or history keeps it).
     */
    private static final Set<String> COMPUTATIONS = Set.of("/api/v1/templates/parameters/detect",
            "/api/v1/templates/parameters/validate", "/api/v1/templates/{id}/preview", "/api/v1/ws-tickets");

    /**
     * One operation; {@code roles} are the bearer scopes, empty when the operation is public; {@code query} the
     * names of every query parameter with its schema, in the document's order.
     */
    record Operation(String method, String path, boolean secured, Set<String> roles, List<String> requiredQuery,
                     Map<String, Object> bodySchema, Map<String, Map<String, Object>> query) {

        /** A change: anything but a GET, except the computations that change nothing and viewers may run. */
        boolean write() {
            return !"get".equals(method) && !COMPUTATIONS.contains(path);
        }

        /** Each path parameter with the segment before it: "templates/{id}" -> ("templates", "id"). */
        List<String[]> pathParameters() {
            List<String[]> parameters = new ArrayList<>();
            Matcher m = PATH_PARAMETER.matcher(path);
            while (m.find()) {
                parameters.add(new String[] {m.group(1), m.group(2)});
            }
            return parameters;
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private final Map<String, Object> document;

    ApiOperations(String yaml) {
        this.document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    Map<String, Object> document() {
        return document;
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, value) -> {
            if (METHODS.contains(method)) {
                operations.add(operation(method, path, map(value)));
            }
        }));
        return operations;
    }

    private Operation operation(String method, String path, Map<String, Object> operation) {
        Set<String> roles = new TreeSet<>();
        boolean secured = false;
        for (Object requirement : list(operation.get("security"))) {
            for (Object scopes : map(requirement).values()) {
                secured = true;
                list(scopes).forEach(scope -> roles.add(scope.toString()));
            }
        }
        List<String> requiredQuery = list(operation.get("parameters")).stream().map(ApiOperations::map)
                .filter(p -> "query".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required")))
                .map(p -> p.get("name").toString()).toList();
        Map<String, Object> body = Optional.ofNullable(operation.get("requestBody")).map(ApiOperations::map)
                .map(b -> map(b.get("content"))).map(c -> map(c.values().iterator().next()))
                .map(m -> resolve(map(m.get("schema")))).orElse(null);
        Map<String, Map<String, Object>> query = new LinkedHashMap<>();
        list(operation.get("parameters")).stream().map(ApiOperations::map).filter(p -> "query".equals(p.get("in")))
                .forEach(p -> query.put(p.get("name").toString(), resolve(map(p.get("schema")))));
        return new Operation(method, path, secured, roles, requiredQuery, body, query);
    }

    /**
     * A JSON body for the schema: each property gets {@code value(name)} when it knows the name,
     * otherwise a plain value of the property's type that honours its length limits.
     */
    Map<String, Object> body(Map<String, Object> schema, Function<String, Object> value) {
        Map<String, Object> body = new LinkedHashMap<>();
        map(schema.getOrDefault("properties", Map.of())).forEach((name, property) -> {
            Object known = value.apply(name);
            body.put(name, known != null ? known : sample(resolve(map(property)), value));
        });
        return body;
    }

    private Object sample(Map<String, Object> schema, Function<String, Object> value) {
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        String type = String.valueOf(schema.get("type"));
        return switch (type) {
            case "integer", "number" -> schema.getOrDefault("minimum", 1);
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> body(schema, value);
            default -> "walk value".repeat(1 + ((Number) schema.getOrDefault("minLength", 0)).intValue() / 10);
        };
    }

    Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null) {
            return schema;
        }
        String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
        return map(map(map(document.get("components")).get("schemas")).get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
