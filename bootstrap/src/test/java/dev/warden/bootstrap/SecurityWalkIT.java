package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiOperations.Operation;
import dev.warden.bootstrap.RawHttp.Answer;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the served /openapi.yml with every kind of caller, so a route added later is
 * checked without anyone remembering to. The expectations, in order (the first that applies decides):
 *
 * <pre>
 *  caller                               | operation                              | expected
 *  -------------------------------------+----------------------------------------+------------------------------
 *  anyone without a token               | public (PUBLIC below)                  | no 5xx
 *  no token; a tampered token           | any other                              | 401
 *  a role the operation does not list   | any (SUPER_ADMIN-only routes included) | 403
 *  VIEWER of A                          | any write (not GET nor a computation)  | 403
 *  ORG_ADMIN / VIEWER of B              | path naming an organisation of A       | 403 or 404
 *  ORG_ADMIN / VIEWER of B              | path naming another resource of A      | 404
 *  ORG_ADMIN / VIEWER of B              | no path ids (lists, creates)           | no 5xx; a 2xx shows nothing of A
 *  SUPER_ADMIN, ORG_ADMIN / VIEWER of A | allowed (reads first, deletes last)    | no 5xx
 * </pre>
 *
 * Every call, whatever its row, must not answer 5xx. Path and required query parameters are filled from
 * {@link WalkFixtures}; an operation it cannot fill fails the walk.
 */
@MicronautTest(transactional = false)
class SecurityWalkIT extends ApiTest {

    /** The only operations anyone may call without a token (the rest of the public surface is not in the document). */
    private static final Set<String> PUBLIC = Set.of("POST /login", "GET /webhooks/meta", "POST /webhooks/meta");

    private final List<String> failures = new ArrayList<>();
    private int calls;

    @Test
    void every_operation_answers_each_kind_of_caller_as_the_table_says() {
        ApiOperations api = new ApiOperations(http.toBlocking().retrieve("/openapi.yml"));
        List<Operation> operations = api.all();
        assertThat(operations).as("the document lists the API").hasSizeGreaterThan(10);
        WalkFixtures a = new WalkFixtures(this.api, root);

        for (Operation op : operations) {
            walkRefusals(op, a, api);
        }
        operations.stream().sorted(Comparator.comparing((Operation op) -> order(op.method())))
                .forEach(op -> walkAllowed(op, a, api));

        assertThat(failures).as("operations that broke the table (see the class comment)").isEmpty();
        assertThat(calls).as("calls made").isGreaterThan(operations.size() * 4);
    }

    private void walkRefusals(Operation op, WalkFixtures a, ApiOperations api) {
        if (!op.secured()) {
            if (!PUBLIC.contains(op.toString())) {
                failures.add(op + " has no roles: give it @Secured roles, or add it to PUBLIC if it is meant "
                        + "for anyone");
            }
            expect(op, "anonymous", call(op, a, api, null), s -> s < 500, "no 5xx");
            return;
        }
        String path = path(op, a);
        if (path == null) {
            return;
        }
        expect(op, "no token", call(op, a, api, null), s -> s == 401, "401");
        expect(op, "tampered token", call(op, a, api, tampered(a.root)), s -> s == 401, "401");
        for (Map.Entry<String, String> caller : Map.of("ORG_ADMIN of A", a.adminA, "VIEWER of A", a.viewerA)
                .entrySet()) {
            if (!op.roles().contains(role(caller.getKey()))) {
                expect(op, caller.getKey(), call(op, a, api, caller.getValue()), s -> s == 403, "403 (role)");
            }
        }
        if (op.write()) {
            expect(op, "VIEWER of A", call(op, a, api, a.viewerA), s -> s == 403, "403 (viewers only read)");
        }
        for (Map.Entry<String, String> caller : Map.of("ORG_ADMIN of B", a.adminB, "VIEWER of B", a.viewerB)
                .entrySet()) {
            walkOtherOrganization(op, a, api, caller.getKey(), caller.getValue());
        }
    }

    private void walkOtherOrganization(Operation op, WalkFixtures a, ApiOperations api, String who, String token) {
        Answer answer = call(op, a, api, token);
        if (!op.roles().contains(role(who))) {
            expect(op, who, answer, s -> s == 403, "403 (role)");
        } else if (op.write() && role(who).equals("VIEWER")) {
            expect(op, who, answer, s -> s == 403, "403 (viewers only read)");
        } else if (op.pathParameters().stream().anyMatch(p -> isOrganization(p[0], p[1]))) {
            expect(op, who, answer, s -> s == 403 || s == 404, "403 or 404 (another organisation)");
        } else if (!op.pathParameters().isEmpty()) {
            expect(op, who, answer, s -> s == 404, "404 (a resource of another organisation)" + (op.bodySchema()
                    == null ? "" : "; a 400 may mean the walk's body is invalid: teach WalkFixtures.bodyValue"));
        } else {
            expect(op, who, answer, s -> s < 500, "no 5xx");
            if (answer.status() < 300) {
                a.secretsOfA().stream().filter(answer.body()::contains).forEach(secret -> failures.add(op + " as "
                        + who + " shows organisation A's '" + secret + "': " + answer.body()));
            }
        }
    }

    private void walkAllowed(Operation op, WalkFixtures a, ApiOperations api) {
        if (!op.secured() || path(op, a) == null) {
            return;
        }
        expect(op, "SUPER_ADMIN", call(op, a, api, a.root), s -> s < 500, "no 5xx");
        if (op.roles().contains("ORG_ADMIN")) {
            expect(op, "ORG_ADMIN of A", call(op, a, api, a.adminA), s -> s < 500, "no 5xx");
        }
        if (op.roles().contains("VIEWER") && !op.write()) {
            expect(op, "VIEWER of A", call(op, a, api, a.viewerA), s -> s < 500 && s != 403, "no 5xx, no 403");
        }
    }

    private void expect(Operation op, String who, Answer answer, Predicate<Integer> holds, String expected) {
        if (answer == null) {
            return;
        }
        if (!holds.test(answer.status()) || answer.status() >= 500) {
            failures.add(op + " as " + who + ": expected " + expected + ", got " + answer.status() + " "
                    + answer.body());
        }
    }

    private Answer call(Operation op, WalkFixtures a, ApiOperations api, String token) {
        String path = path(op, a);
        if (path == null) {
            return null;
        }
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.parse(op.method().toUpperCase()), path);
        if (op.bodySchema() != null) {
            request.body(api.body(op.bodySchema(), a::bodyValue)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        calls++;
        return RawHttp.exchange(http.toBlocking(), request, token);
    }

    /** The operation's path with A's fixtures in it, or null (and a failure) when a parameter has no fixture. */
    private String path(Operation op, WalkFixtures a) {
        String path = op.path();
        for (String[] parameter : op.pathParameters()) {
            String value = a.pathValue(parameter[0], parameter[1]);
            if (value == null) {
                fail(op + ": no fixture for path parameter {" + parameter[1] + "} after '" + parameter[0]
                        + "': add one to WalkFixtures.pathValue");
                return null;
            }
            path = path.replace("{" + parameter[1] + "}", value);
        }
        List<String> query = new ArrayList<>();
        for (String name : op.requiredQuery()) {
            String value = a.queryValue(name);
            if (value == null) {
                fail(op + ": no fixture for required query parameter " + name + ": add one to "
                        + "WalkFixtures.queryValue");
                return null;
            }
            query.add(name + "=" + value);
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private void fail(String message) {
        if (!failures.contains(message)) {
            failures.add(message);
        }
    }

    private static boolean isOrganization(String segment, String name) {
        return name.equals("orgId") || name.equals("organizationId") || (segment.equals("organizations")
                && name.equals("id"));
    }

    private static String role(String who) {
        return who.substring(0, who.indexOf(" of "));
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        // The same header and signature over a payload that claims another name: the signature no longer matches.
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"sub\":\"root\"", "\"sub\":\"rooq\"");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
    }

    /** Reads before writes, deletes last: A's fixtures stay in place while other operations use them. */
    private static int order(String method) {
        return switch (method) {
            case "get" -> 0;
            case "delete" -> 2;
            default -> 1;
        };
    }
}
