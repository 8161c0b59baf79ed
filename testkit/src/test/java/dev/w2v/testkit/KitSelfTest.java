package dev.w2v.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The kit passes a correct loss and sampler and rejects each planted bug with the right check. */
class KitSelfTest {

  private static Set<String> failedChecks(Class<?> contract) {
    List<Event> failed =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(contract))
            .execute()
            .testEvents()
            .failed()
            .list();
    Set<String> names = new TreeSet<>();
    for (Event e : failed) {
      names.add(((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getMethodName());
    }
    return names;
  }

  private static long succeeded(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(contract))
        .execute()
        .testEvents()
        .succeeded()
        .count();
  }

  private static String messages(Class<?> contract) {
    StringBuilder text = new StringBuilder();
    for (Event e :
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(contract))
            .execute()
            .testEvents()
            .failed()
            .list()) {
      e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
          .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
          .ifPresent(t -> text.append(t.getMessage()).append('\n'));
    }
    return text.toString();
  }

  @Test
  void aCorrectLossPassesEveryCheck() {
    assertEquals(
        Set.of(), failedChecks(PlantedLosses.Correct.class), messages(PlantedLosses.Correct.class));
    // Every check but the service-file one, which a test double skips.
    assertEquals(12, succeeded(PlantedLosses.Correct.class));
  }

  @Test
  void aCorrectBatchedLossPassesEveryCheckIncludingTheBatchedOnes() {
    assertEquals(
        Set.of(),
        failedChecks(PlantedLosses.CorrectBatched.class),
        messages(PlantedLosses.CorrectBatched.class));
    // The twelve per-pair checks and the four batched ones.
    assertEquals(16, succeeded(PlantedLosses.CorrectBatched.class));
  }

  @Test
  void aBatchedKernelThatLeavesInputsOutOfARowsGradientFailsTheComparisonWithThePairs() {
    assertEquals(
        Set.of(
            "aBatchedCallEqualsThePerPairCallsOfItsInputs",
            "aBatchedCallWithATargetPerInputEqualsThePerPairCalls"),
        failedChecks(PlantedLosses.BatchedRowGradientOfTheFirstInputOnly.class));
    assertTrue(
        messages(PlantedLosses.BatchedRowGradientOfTheFirstInputOnly.class)
            .contains("summed over the per-pair calls"));
  }

  @Test
  void aBatchedKernelThatDrawsNegativesPerInputFailsTheComparisonWithThePairs() {
    assertEquals(
        Set.of(
            "aBatchedCallEqualsThePerPairCallsOfItsInputs",
            "aBatchedCallWithATargetPerInputEqualsThePerPairCalls"),
        failedChecks(PlantedLosses.BatchedNegativesPerInput.class));
  }

  @Test
  void aBatchedKernelThatReportsRowsBeforeUsingThemFailsTheReadBeforeReportCheck() {
    assertEquals(
        Set.of("aBatchedCallReadsEveryRowBeforeReportingIt"),
        failedChecks(PlantedLosses.BatchedReportsBeforeReading.class));
  }

  @Test
  void aLossWithABiasOfItsOwnPassesEveryCheckIncludingTheBiasCoordinates() {
    assertEquals(
        Set.of(),
        failedChecks(PlantedLosses.CorrectBias.class),
        messages(PlantedLosses.CorrectBias.class));
  }

  @Test
  void aWrongGradientOfTheLossesOwnParametersFailsTheGradientCheck() {
    assertEquals(
        Set.of(
            "gradientsMatchCenteredDifferences",
            "repeatedDrawsAndADrawOfTheTargetKeepTheGradientRight"),
        failedChecks(PlantedLosses.WrongBiasGradient.class));
    assertTrue(messages(PlantedLosses.WrongBiasGradient.class).contains("bias["));
  }

  @Test
  void aLossThatRedrawsTheTargetForeverFailsInsteadOfHanging() {
    assertEquals(
        Set.of("aSamplerThatOnlyDrawsTheTargetGivesAnErrorNotAHang"),
        failedChecks(PlantedLosses.UnboundedRedraws.class));
  }

  @Test
  void aFlippedSignFailsTheGradientCheck() {
    assertEquals(
        true,
        failedChecks(PlantedLosses.FlippedSign.class)
            .contains("gradientsMatchCenteredDifferences"));
  }

  @Test
  void aRepeatedNegativeCountedOnceFailsTheGradientCheck() {
    assertEquals(
        true,
        failedChecks(PlantedLosses.RepeatedNegativeCountedOnce.class)
            .contains("gradientsMatchCenteredDifferences"));
  }

  @Test
  void aLossThatAllocatesPerCallFailsOnlyTheAllocationCheck() {
    assertEquals(
        Set.of("allocatesNothingPerCallOnceWarm"), failedChecks(PlantedLosses.Allocating.class));
  }

  @Test
  void aLossThatSharesScratchBetweenThreadsFailsTheThreadCheck() {
    assertEquals(
        true,
        failedChecks(PlantedLosses.SharedScratch.class)
            .contains("newScratchGivesEachThreadWorkingMemoryOfItsOwn"));
  }

  @Test
  void aSamplerWhoseDrawsDoNotMatchItsDeclaredDistributionFails() {
    assertEquals(
        Set.of("drawsFollowTheDeclaredDistribution"),
        failedChecks(PlantedLosses.LyingSampler.class));
    assertEquals(Set.of(), failedChecks(PlantedLosses.HonestSampler.class));
  }
}
