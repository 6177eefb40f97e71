package dev.sfsim.simulator.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 18-character checksum against genuine ids ("Field Types", SOAP API Developer Guide: ID). */
class SalesforceIdsTest {

  @Test
  void reproducesGenuineChecksums() {
    assertThat(SalesforceIds.to18("001B000001LntWl")).isEqualTo("001B000001LntWlIAJ");
    assertThat(SalesforceIds.to18("00Di0000000icUB")).isEqualTo("00Di0000000icUBEAY");
    assertThat(SalesforceIds.to18("0687S00000AX5WV")).isEqualTo("0687S00000AX5WVQA1");
  }

  @Test
  void parsesFifteenAndEighteenAndRejectsBadChecksums() {
    assertThat(SalesforceIds.parse("001B000001LntWl")).contains("001B000001LntWlIAJ");
    assertThat(SalesforceIds.parse("001B000001LntWlIAJ")).contains("001B000001LntWlIAJ");
    assertThat(SalesforceIds.parse("a00B000000FSjVUIB1")).isEmpty();
    assertThat(SalesforceIds.parse("a00B000000FSjVUIA1")).contains("a00B000000FSjVUIA1");
    assertThat(SalesforceIds.parse("0PA-000000000001")).isEmpty();
    assertThat(SalesforceIds.parse("short")).isEmpty();
    assertThat(SalesforceIds.parse(null)).isEmpty();
  }

  @Test
  void generatedIdsAreValidAndDistinct() {
    String a = SalesforceIds.generate("0PA", 1000);
    String b = SalesforceIds.generate("0PA", 1001);
    assertThat(a).hasSize(18).startsWith("0PA").isNotEqualTo(b);
    assertThat(SalesforceIds.parse(a)).contains(a);
    assertThat(SalesforceIds.parse(a.substring(0, 15))).contains(a);
  }
}
