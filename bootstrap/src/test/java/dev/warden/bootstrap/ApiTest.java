package dev.warden.bootstrap;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of the HTTP end-to-end tests: Warden on the shared embedded PostgreSQL, signed in as the super admin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    ApiClient api;
    String root;

    @Override
    public Map<String, String> getProperties() {
        return TestPostgres.properties();
    }

    @BeforeAll
    void signIn() {
        api = new ApiClient(http.toBlocking());
        root = api.login(TestPostgres.ROOT_USERNAME, TestPostgres.ROOT_PASSWORD);
    }
}
