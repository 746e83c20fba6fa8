package dev.warden.bootstrap;

import java.util.HashMap;
import java.util.Map;

/**
 * An API test that sends through Meta's Cloud API: WireMock's {@link GraphApi} stands in for Graph, with its
 * token, and reconciliation is off so that nothing but the test calls Graph.
 */
abstract class SendingApiTest extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.reconcile.enabled", "false");
        return properties;
    }
}
