package dev.warden.bootstrap;

import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Organisations, their WABAs and their users as lists: super admins see every organisation; members
 * see their own organisation's accounts and users, another organisation is not found; no password
 * hash ever leaves Warden.
 */
@MicronautTest(transactional = false)
class OrganizationDirectoryApiIT extends ApiTest {

    @Test
    void super_admins_list_organizations_in_pages_and_nobody_else_does() {
        Tenant tenant = new Tenant(api, root, "730001");

        Reply all = api.get("/api/v1/organizations?size=100", root);
        assertThat(all.status()).isEqualTo(200);
        long total = ((Number) all.body().get("total")).longValue();
        // The suite's other tests share the database: the organisation may be on any page.
        List<Object> ids = new ArrayList<>();
        for (int p = 0; p * 100L < total; p++) {
            items(api.get("/api/v1/organizations?size=100&page=" + p, root)).forEach(o -> ids.add(o.get("id")));
        }
        assertThat(ids).contains(tenant.org).doesNotHaveDuplicates();
        Reply page = api.get("/api/v1/organizations?size=1&page=1", root);
        assertThat(items(page)).hasSize(1);
        assertThat(page.body()).containsEntry("page", 1).containsEntry("size", 1);
        assertThat(((Number) page.body().get("total")).longValue()).isEqualTo(total);

        assertThat(api.get("/api/v1/organizations", tenant.admin).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/organizations", tenant.viewer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/organizations", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/organizations?size=101", root).status()).isEqualTo(400);
    }

    @Test
    void members_list_their_organizations_wabas_and_users_and_never_a_password_hash() {
        Tenant tenant = new Tenant(api, root, "730002");
        api.post("/api/v1/organizations/" + tenant.org + "/whatsapp-accounts", root,
                Map.of("wabaId", "1" + tenant.waba.substring(1, 10), "name", "Second line"));
        String accounts = "/api/v1/organizations/" + tenant.org + "/whatsapp-accounts";
        String users = "/api/v1/organizations/" + tenant.org + "/users";

        for (String token : new String[] {tenant.viewer, tenant.admin, root}) {
            Reply wabas = api.get(accounts, token);
            assertThat(wabas.body()).containsEntry("total", 2);
            assertThat(items(wabas)).extracting(a -> a.get("organizationId")).containsOnly(tenant.org);
            assertThat(items(wabas)).extracting(a -> a.get("wabaId")).contains(tenant.waba);
            Reply people = api.get(users, token);
            assertThat(people.body()).containsEntry("total", 2);
            assertThat(items(people)).extracting(u -> u.get("role")).containsExactlyInAnyOrder("ORG_ADMIN", "VIEWER");
            assertThat(items(people)).extracting(u -> u.get("username")).contains(tenant.adminName);
            assertThat(items(people)).allSatisfy(u -> assertThat(u.keySet())
                    .containsExactlyInAnyOrder("id", "username", "role", "organizationId", "createdAt"));
            assertThat(people.body().toString()).doesNotContain("argon2").doesNotContain("password");
        }
        assertThat(items(api.get(users + "?size=1&page=1", tenant.viewer))).hasSize(1);
    }

    @Test
    void another_organization_or_an_unknown_one_is_not_found() {
        Tenant mine = new Tenant(api, root, "730003");
        Tenant theirs = new Tenant(api, root, "730004");

        for (String list : new String[] {"whatsapp-accounts", "users"}) {
            String path = "/api/v1/organizations/" + theirs.org + "/" + list;
            assertThat(api.get(path, mine.viewer).status()).as(path).isEqualTo(404);
            assertThat(api.get(path, mine.admin).status()).as(path).isEqualTo(404);
            assertThat(api.get(path, mine.admin).contentType()).isEqualTo("application/problem+json");
            assertThat(api.get("/api/v1/organizations/" + UUID.randomUUID() + "/" + list, root).status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/organizations/not-an-id/" + list, root).status()).isEqualTo(400);
            assertThat(api.get(path + "?page=-1", root).status()).isEqualTo(400);
        }
    }
}
