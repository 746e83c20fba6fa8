package dev.warden.adapters.web.problem;

import dev.warden.domain.template.content.InvalidTemplateContent;
import dev.warden.domain.template.parameter.ParameterMismatch;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.util.List;
import java.util.Locale;

/** Builds 400 problems whose {@code fieldErrors} point at the field and rule of every fault. */
final class FieldErrorHandlers {

    private FieldErrorHandlers() {
    }

    static HttpResponse<?> badRequest(HttpRequest<?> request, Exception cause, List<FieldError> errors,
                                      ErrorResponseProcessor<?> processor) {
        return processor.processResponse(ErrorContext.builder(request).cause(cause)
                .errors(List.<Error>copyOf(errors)).build(), HttpResponse.status(HttpStatus.BAD_REQUEST));
    }

    /** Content refused outside a request body the controller could map (a rollback): fields named by component. */
    static List<FieldError> of(InvalidTemplateContent exception) {
        return exception.violations().stream().map(v -> new FieldError(
                v.component().toLowerCase(Locale.ROOT) + "." + v.field(), v.rule(), v.message())).toList();
    }

    /** Values that do not fit a template: {@code body.first_name MISSING_VALUE}, {@code buttons[0].1 BLANK_VALUE}. */
    static List<FieldError> of(ParameterMismatch exception) {
        return exception.problems().stream().map(p -> new FieldError(
                p.component().toLowerCase(Locale.ROOT) + "." + p.parameter(), p.rule().name(), p.message()))
                .toList();
    }
}
