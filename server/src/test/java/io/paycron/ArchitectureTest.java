package io.paycron;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.GeneralCodingRules.BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.MethodCallTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/**
 * The conventions of DESIGN.md ("Server packages: by feature") and STYLE.md that the compiler
 * cannot keep. Analyses the server and the gateway SPI (both live under {@code io.paycron}).
 */
@AnalyzeClasses(
    packages = "io.paycron",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotTheClient.class})
class ArchitectureTest {

  /**
   * Leaves out paycron-client ({@code io.paycron.client}), on the test classpath for the example
   * app's end-to-end test: a library for merchants, with rules of its own (its builder defaults to
   * the system clock, for one).
   */
  public static final class NotTheClient implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/io/paycron/client/");
    }
  }

  /** Packages that hold a feature's domain types (including features still to come). */
  private static final String[] FEATURE_PACKAGES = {
    "io.paycron.merchant..",
    "io.paycron.customer..",
    "io.paycron.payment..",
    "io.paycron.sandbox..",
    "io.paycron.connector..",
    "io.paycron.clock..",
    "io.paycron.schedule..",
    "io.paycron.webhook..",
    "io.paycron.subscription.."
  };

  /**
   * The V1 wire shapes (PaymentResponse and the records nested in it): they carry the i'mport field
   * names and may need JSON annotations, so they are not domain types.
   */
  private static final DescribedPredicate<JavaClass> WIRE_SHAPE =
      selfOrEnclosing(simpleNameEndingWith("Response").or(simpleNameEndingWith("Request")))
          .as("V1 wire shapes (*Response, *Request and the types nested in them)");

  private static final DescribedPredicate<JavaClass> REPOSITORY =
      simpleNameEndingWith("Repository")
          .or(annotatedWith(Repository.class))
          .or(name("io.paycron.sandbox.SandboxLedger"))
          .as("repositories (*Repository, @Repository, SandboxLedger)");

  // 1. Domain types are plain Java.

  @ArchTest
  static final ArchRule domainTypesDoNotDependOnSpringJdbcOrJson =
      noClasses()
          .that()
          .resideInAnyPackage(FEATURE_PACKAGES)
          .and(recordOrEnum())
          .and(DescribedPredicate.not(WIRE_SHAPE))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "java.sql..",
              "javax.sql..",
              "tools.jackson..",
              "com.fasterxml.jackson..")
          .as(
              "domain types (records and enums of the feature packages, except V1 wire shapes)"
                  + " should not depend on Spring, JDBC or Jackson")
          .because(
              "domain types hold the rules (state transitions, money arithmetic) and must be"
                  + " testable with plain JUnit in milliseconds; persistence belongs in the"
                  + " repository and the JSON shape in the *Response records (STYLE.md)");

  // 2. The gateway SPI is a contract that connectors implement without Paycron's stack.

  @ArchTest
  static final ArchRule connectorsUseOnlyTheSpiTheJdkAndJackson =
      classes()
          .that()
          .resideInAPackage("io.paycron.gateway.(*)..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "javax.crypto..", "io.paycron.gateway..", "tools.jackson..")
          .because(
              "a connector is a module of its own (docs/gateways.md): no Spring and nothing of the"
                  + " server, so a third one needs only the SPI, an HTTP client and JSON");

  @ArchTest
  static final ArchRule gatewaySpiDependsOnlyOnTheJdk =
      classes()
          .that()
          .resideInAPackage("io.paycron.gateway")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "io.paycron.gateway..")
          .because(
              "connectors are written against the gateway SPI alone; a dependency there (Spring,"
                  + " Jackson, the server) would be forced on every connector and could clash with"
                  + " the versions the server uses");

  // 3. Features never reach into each other's repositories.

  @ArchTest
  static final ArchRule repositoriesAreOnlyUsedInTheirOwnPackage =
      classes()
          .that(REPOSITORY.or(enclosedIn(REPOSITORY)))
          .should(beUsedOnlyFrom("classes in their own package", JavaClass::getPackageName))
          .as("repositories (and their row types) should only be used within their own package")
          .because(
              "a repository answers the questions of its own feature's service, which owns the"
                  + " transactions; another feature asks that service, so the SQL of a table has"
                  + " one owner (DESIGN.md: features do not reach into each other's repositories)");

  // 4. Controllers are thin, package-private entry points.

  @ArchTest
  static final ArchRule controllersArePackagePrivateAndUnreferenced =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .bePackagePrivate()
          .andShould(beUsedOnlyFrom("the controller itself", c -> outermost(c).getName()))
          .because(
              "a controller only parses, calls one service method and maps the V1 shape; logic"
                  + " another class could want belongs in a service, so nothing needs to see it");

  // 5. Constructor injection only.

  @ArchTest
  static final ArchRule noFieldInjection =
      noFields()
          .should(BE_ANNOTATED_WITH_AN_INJECTION_ANNOTATION)
          .as("no fields should be injected (@Autowired, @Value, @Inject, @Resource)")
          .because(
              "dependencies arrive through the constructor into final fields, so a class cannot"
                  + " exist half-built and tests create it with plain `new`");

  @ArchTest
  static final ArchRule noSetterInjection =
      noMethods()
          .should()
          .beAnnotatedWith(Autowired.class)
          .because(
              "dependencies arrive through the constructor into final fields (no setter"
                  + " injection), so a class cannot exist half-built");

  // 6. All time comes from the one Clock bean.

  @ArchTest
  static final ArchRule onlyTheClockPackageReadsTheWallClock =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.paycron.clock..")
          .should()
          .callMethodWhere(readsTheWallClock())
          .orShould()
          .callConstructor(Date.class)
          .because(
              "time comes from the injected Clock, which tests replace with one they move by hand;"
                  + " a wall-clock read makes due times, expiry and timeouts untestable without"
                  + " sleeping (io.paycron.clock creates the one system clock)");

  // 7. Features form a hierarchy.

  @ArchTest
  static final ArchRule featurePackagesAreFreeOfCycles =
      slices()
          .matching("io.paycron.(*)..")
          .should()
          .beFreeOfCycles()
          .because(
              "features depend on each other in one direction (payment on customer, customer on"
                  + " merchant), so each can be understood and tested without the ones above it");

  private static DescribedPredicate<JavaClass> recordOrEnum() {
    return DescribedPredicate.describe("are records or enums", c -> c.isRecord() || c.isEnum());
  }

  private static DescribedPredicate<JavaClass> enclosedIn(DescribedPredicate<JavaClass> outer) {
    return DescribedPredicate.describe(
        "are nested in " + outer.getDescription(),
        c -> {
          for (Optional<JavaClass> e = c.getEnclosingClass(); e.isPresent(); ) {
            if (outer.test(e.get())) {
              return true;
            }
            e = e.get().getEnclosingClass();
          }
          return false;
        });
  }

  private static DescribedPredicate<JavaClass> selfOrEnclosing(DescribedPredicate<JavaClass> p) {
    return p.or(enclosedIn(p));
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass outer = c;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  /**
   * Every dependency on the checked class (a call, a field or parameter type, an annotation …) must
   * come from a class with the same key as the checked class.
   */
  private static ArchCondition<JavaClass> beUsedOnlyFrom(
      String allowed, Function<JavaClass, String> key) {
    return new ArchCondition<>("only be used by " + allowed) {
      @Override
      public void check(JavaClass target, ConditionEvents events) {
        for (Dependency dependency : target.getDirectDependenciesToSelf()) {
          if (!key.apply(dependency.getOriginClass()).equals(key.apply(target))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /**
   * {@code now()} / {@code now(ZoneId)} of any java.time type ({@code now(Clock)} is the right
   * way), {@code Clock.system*()}, {@code InstantSource.system()}, {@code
   * System.currentTimeMillis()} and {@code Calendar.getInstance(..)}.
   */
  private static DescribedPredicate<JavaMethodCall> readsTheWallClock() {
    return DescribedPredicate.describe(
        "read the wall clock (java.time now() without a Clock, Clock.system*(),"
            + " System.currentTimeMillis(), Calendar.getInstance())",
        call -> {
          MethodCallTarget target = call.getTarget();
          String owner = target.getOwner().getName();
          String method = target.getName();
          if (owner.startsWith("java.time.") && method.equals("now")) {
            return target.getRawParameterTypes().stream()
                .noneMatch(t -> t.isAssignableTo(Clock.class));
          }
          return ((owner.equals("java.time.Clock") || owner.equals("java.time.InstantSource"))
                  && method.startsWith("system"))
              || (owner.equals("java.lang.System") && method.equals("currentTimeMillis"))
              || (owner.equals("java.util.Calendar") && method.equals("getInstance"));
        });
  }
}
