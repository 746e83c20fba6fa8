package dev.warden.bootstrap;

import java.util.Map;
import java.util.UUID;

/** An organisation made through the API as an operator would: one WABA, an ORG_ADMIN and a VIEWER, signed in. */
record TestOrganization(String waba, String org, String adminName, String admin, String viewer) {

    static final String PASSWORD = "long enough password";

    static TestOrganization create(ApiClient api, String root, String namePrefix) {
        String waba = MetaWebhooks.randomWaba();
        String org = api.post("/api/v1/organizations", root, Map.of("name", namePrefix + " " + waba)).text("id");
        api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root, Map.of("wabaId", waba, "name", "Main"));
        String adminName = user(api, root, org, "ORG_ADMIN");
        return new TestOrganization(waba, org, adminName, api.login(adminName, PASSWORD),
                api.login(user(api, root, org, "VIEWER"), PASSWORD));
    }

    private static String user(ApiClient api, String root, String org, String role) {
        String username = role.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/organizations/" + org + "/users", root,
                Map.of("username", username, "password", PASSWORD, "role", role));
        return username;
    }
}
