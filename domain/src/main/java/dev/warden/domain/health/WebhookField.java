package dev.warden.domain.health;

/** The template webhook fields whose changes reconciliation can find missed, with Meta's names for them. */
public enum WebhookField {
    STATUS("message_template_status_update"),
    QUALITY("message_template_quality_update"),
    CATEGORY("template_category_update");

    private final String metaField;

    WebhookField(String metaField) {
        this.metaField = metaField;
    }

    /** The field's name in Meta's App Dashboard, where an app subscribes to it. */
    public String metaField() {
        return metaField;
    }
}
