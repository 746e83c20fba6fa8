package dev.warden.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.micronaut.context.annotation.Factory;

/** The module and package boundaries of SPEC section 2 and STYLE.md; a broken boundary fails the build. */
@AnalyzeClasses(packages = "dev.warden",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Test-jars (adapters-meta's odd Graph API pages) reach bootstrap as jars, which DoNotIncludeTests does not recognise. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    private static final String DOMAIN = "dev.warden.domain..";
    private static final String APPLICATION = "dev.warden.application..";
    private static final String SERVICES = "dev.warden.application.service..";
    private static final String ADAPTERS = "dev.warden.adapters..";
    private static final String PERSISTENCE = "dev.warden.adapters.persistence..";
    private static final String BOOTSTRAP = "dev.warden.bootstrap..";

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is plain Java: no framework, no annotations, no jOOQ");

    @ArchTest
    static final ArchRule application_depends_only_on_the_domain = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "jakarta.inject..")
            .because("use cases are framework-free and wired by bootstrap");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other =
            slices().matching("dev.warden.adapters.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = noClasses().that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP);

    @ArchTest
    static final ArchRule jooq_and_flyway_stay_in_persistence = noClasses().that().resideOutsideOfPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.flywaydb..");

    @ArchTest
    static final ArchRule micronaut_stays_in_adapters_and_bootstrap = noClasses()
            .that().resideOutsideOfPackages(ADAPTERS, BOOTSTRAP)
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("dev.warden.(*).(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule use_case_implementations_are_wired_only_by_bootstrap = classes()
            .that().resideInAPackage(SERVICES)
            .should().onlyBeAccessed().byClassesThat().resideInAnyPackage(SERVICES, BOOTSTRAP)
            .because("adapters talk to port.in interfaces, never to services");

    @ArchTest
    static final ArchRule incoming_ports_are_interfaces = classes()
            .that().resideInAPackage("dev.warden.application.port.in..").and().haveSimpleNameEndingWith("UseCase")
            .should().beInterfaces();

    @ArchTest
    static final ArchRule factories_live_in_bootstrap = classes().that().areAnnotatedWith(Factory.class)
            .should().resideInAPackage(BOOTSTRAP);

    @ArchTest
    static final ArchRule no_generic_names = noClasses().should().haveSimpleNameEndingWith("Impl")
            .orShould().haveSimpleNameEndingWith("Manager").orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Dto");

    @ArchTest
    static final ArchRule no_field_injection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule no_standard_streams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
}
