package dev.warden.adapters.web.problem;

import dev.warden.application.port.in.AccessDenied;
import dev.warden.application.port.in.MetaRefused;
import dev.warden.application.port.in.MetaUnreachable;
import dev.warden.domain.campaign.CampaignTransitionRefused;
import dev.warden.domain.organization.WabaAlreadyOwned;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.shared.DomainException;
import dev.warden.domain.shared.NotFound;
import dev.warden.domain.template.TemplateNotSendable;
import dev.warden.domain.template.version.EditRefused;
import dev.warden.domain.user.UsernameTaken;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Maps business refusals to HTTP statuses: the single place that decides which refusal means what.
 * Refusals that name fields (template content, send values) have their own handlers, answering 400.
 */
@Singleton
@Produces
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<?>> {

    private static final Map<Class<? extends DomainException>, HttpStatus> STATUSES = Map.of(
            NotFound.class, HttpStatus.NOT_FOUND,
            AccessDenied.class, HttpStatus.FORBIDDEN,
            WabaAlreadyOwned.class, HttpStatus.CONFLICT,
            UsernameTaken.class, HttpStatus.CONFLICT,
            TemplateNotSendable.class, HttpStatus.CONFLICT,
            CampaignTransitionRefused.class, HttpStatus.CONFLICT,
            EditRefused.class, HttpStatus.CONFLICT,
            ConcurrentModification.class, HttpStatus.CONFLICT,
            MetaRefused.class, HttpStatus.UNPROCESSABLE_ENTITY,
            MetaUnreachable.class, HttpStatus.SERVICE_UNAVAILABLE);

    private final ErrorResponseProcessor<?> errors;

    DomainExceptionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DomainException exception) {
        return problem(request, exception, statusOf(exception), errors);
    }

    static HttpStatus statusOf(DomainException exception) {
        for (Class<?> type = exception.getClass(); type != DomainException.class; type = type.getSuperclass()) {
            HttpStatus status = STATUSES.get(type);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.CONFLICT;
    }

    static MutableHttpResponse<?> problem(HttpRequest<?> request, Exception exception, HttpStatus status,
                                          ErrorResponseProcessor<?> errors) {
        return errors.processResponse(ErrorContext.builder(request).cause(exception)
                .errorMessage(exception.getMessage()).build(), HttpResponse.status(status));
    }
}
