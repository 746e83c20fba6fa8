package dev.warden.bootstrap.wiring;

import dev.warden.application.port.in.DetectParametersUseCase;
import dev.warden.application.port.in.GetTemplateVersionUseCase;
import dev.warden.application.port.in.PreviewTemplateUseCase;
import dev.warden.application.port.in.ValidateParametersUseCase;
import dev.warden.application.port.out.UnitOfWork;
import dev.warden.application.service.DetectParametersService;
import dev.warden.application.service.GetTemplateVersionService;
import dev.warden.application.service.PreviewTemplateService;
import dev.warden.application.service.ValidateParametersService;
import dev.warden.domain.template.TemplateRepository;
import dev.warden.domain.template.version.TemplateVersionRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Creates the use cases of writing templates in Warden: preview, parameter checks, one version. */
@Factory
class TemplateAuthoringFactory {

    @Singleton
    PreviewTemplateUseCase previewTemplate(TemplateRepository templates, UnitOfWork unitOfWork) {
        return new PreviewTemplateService(templates, unitOfWork);
    }

    @Singleton
    DetectParametersUseCase detectParameters() {
        return new DetectParametersService();
    }

    @Singleton
    ValidateParametersUseCase validateParameters() {
        return new ValidateParametersService();
    }

    @Singleton
    GetTemplateVersionUseCase getTemplateVersion(TemplateRepository templates, TemplateVersionRepository versions,
                                                 UnitOfWork unitOfWork) {
        return new GetTemplateVersionService(templates, versions, unitOfWork);
    }
}
