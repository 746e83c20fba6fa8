package dev.warden.adapters.web.problem;

import dev.warden.domain.template.content.InvalidTemplateContent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Template content Meta would reject: 400 naming each component, field and rule. */
@Singleton
@Produces
final class InvalidTemplateContentHandler implements ExceptionHandler<InvalidTemplateContent, HttpResponse<?>> {

    private final ErrorResponseProcessor<?> errors;

    InvalidTemplateContentHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, InvalidTemplateContent exception) {
        return FieldErrorHandlers.badRequest(request, exception, FieldErrorHandlers.of(exception), errors);
    }
}
