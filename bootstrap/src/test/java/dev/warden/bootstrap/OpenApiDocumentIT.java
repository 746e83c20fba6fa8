package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiOperations.Operation;
import dev.warden.bootstrap.RawHttp.Answer;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and Swagger UI are public, and the document describes security, problems and parameters. */
@MicronautTest(transactional = false)
class OpenApiDocumentIT extends ApiTest {

    private Answer get(String path) {
        return RawHttp.exchange(http.toBlocking(), HttpRequest.GET(path), null);
    }

    private ApiOperations document() {
        Answer answer = get("/openapi.yml");
        assertThat(answer.status()).as("public, no token").isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/yaml");
        return new ApiOperations(answer.body());
    }

    @Test
    void the_document_describes_bearer_tokens_and_each_operation_s_roles() {
        ApiOperations document = document();

        Map<String, Object> schemes = ApiOperations.map(ApiOperations.map(document.document().get("components"))
                .get("securitySchemes"));
        assertThat(ApiOperations.map(schemes.get("bearerAuth"))).containsEntry("type", "http")
                .containsEntry("scheme", "bearer").containsEntry("bearerFormat", "JWT");
        Operation createOrganization = find(document, "post", "/api/v1/organizations");
        assertThat(createOrganization.roles()).containsExactly("SUPER_ADMIN");
        assertThat(find(document, "get", "/api/v1/templates").roles())
                .containsExactlyInAnyOrder("SUPER_ADMIN", "ORG_ADMIN", "VIEWER");
        assertThat(find(document, "post", "/login").secured()).isFalse();
        assertThat(createOrganization.bodySchema()).isNotNull();
    }

    @Test
    void every_operation_documents_its_problem_responses_and_parameters() {
        ApiOperations document = document();
        Map<String, Object> paths = ApiOperations.map(document.document().get("paths"));

        for (Operation op : document.all()) {
            Map<String, Object> operation = ApiOperations.map(ApiOperations.map(paths.get(op.path())).get(op.method()));
            Map<String, Object> responses = ApiOperations.map(operation.get("responses"));
            assertThat(responses).as(op.toString()).containsKey("500");
            if (op.secured()) {
                assertThat(responses).as(op.toString()).containsKeys("401", "403");
            }
            if (op.path().contains("{")) {
                assertThat(responses).as(op.toString()).containsKey("404");
                assertThat(ApiOperations.list(operation.get("parameters"))).as(op + " declares its path ids")
                        .anySatisfy(p -> assertThat(ApiOperations.map(p)).containsEntry("in", "path"));
            }
        }
        Map<String, Object> problem = ApiOperations.map(ApiOperations.map(ApiOperations.map(
                document.document().get("components")).get("schemas")).get("Problem"));
        assertThat(ApiOperations.map(problem.get("properties"))).containsKeys("type", "title", "status", "detail",
                "fieldErrors");
        assertThat(ApiOperations.map(ApiOperations.map(paths.get("/login")).get("post")).get("responses").toString())
                .contains("#/components/responses/429");
        List<?> listParameters = ApiOperations.list(ApiOperations.map(ApiOperations.map(paths.get("/api/v1/templates"))
                .get("get")).get("parameters"));
        assertThat(listParameters).extracting(p -> ApiOperations.map(p).get("name"))
                .contains("status", "quality", "category", "name", "page", "size", "organizationId");
    }

    /**
     * A client generator turns operationIds into method names: each is unique and says what it does,
     * not a numbered {@code list_3}. The reconcile routes (sync) are left to that work's owner.
     */
    @Test
    void every_operation_id_is_unique_and_names_what_it_does() {
        ApiOperations document = document();
        Map<String, Object> paths = ApiOperations.map(document.document().get("paths"));
        List<String> ids = document.all().stream()
                .map(op -> String.valueOf(ApiOperations.map(ApiOperations.map(paths.get(op.path())).get(op.method()))
                        .get("operationId")))
                .toList();

        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.matches(".*_[0-9]+"));
        assertThat(ids).contains("listTemplates", "getTemplate", "listAlerts", "listCampaigns", "createCampaign",
                "listVersions", "getVersion", "listAuditLog", "createOrganization");
    }

    @Test
    void swagger_ui_is_served_without_a_token_and_reads_the_document() {
        Answer redirect = get("/swagger-ui");
        assertThat(redirect.status()).as(redirect.toString()).isIn(200, 303);
        Answer page = get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/openapi.yml").contains("swagger-ui");
        assertThat(get("/swagger-ui/res/swagger-ui-bundle.js").status()).as("its script is served too")
                .isEqualTo(200);
    }

    private static Operation find(ApiOperations document, String method, String path) {
        return document.all().stream().filter(o -> o.method().equals(method) && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + path + " is not in the document"));
    }
}
