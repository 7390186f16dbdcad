package dev.chatshell.layout;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of the program import one another in one direction only: no circle, so that each can
 * be read, tested and replaced from the bottom up (domain below commands below the shell below the
 * server's assembly and the command line).
 */
class PackageCyclesTest {
  private static final JavaClasses PROGRAM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.chatshell");

  @Test
  void noPackageImportsItselfThroughOthers() {
    // One slice per package (the root one too), sub-packages as slices of their own:
    // dev.chatshell.command and dev.chatshell.command.builtin are two slices. ArchUnit does not
    // count classes named only as annotation values (picocli's subcommands and versionProvider)
    // as dependencies; that is how Main and bench once named each other unnoticed, hence
    // Version.Provider at the root.
    slices().matching("(**)").should().beFreeOfCycles().check(PROGRAM);
  }
}
