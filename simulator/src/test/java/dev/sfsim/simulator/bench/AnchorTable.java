package dev.sfsim.simulator.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The figures of {@link AnchorBenchmark}, printed as one Markdown table: {@code figure | sfsim |
 * WireMock | target} (the README's "Benchmark" section copies it).
 */
final class AnchorTable {
  private final int runs;
  private String wireMockStart = "—";
  private String wireMockIdle = "—";
  private String wireMockReset = "—";
  private String wireMockOne = "—";
  private String wireMockEight = "—";
  private String sfsimStart = "—";
  private String sfsimFirstStart = "—";
  private String sfsimIdle = "—";
  private String sfsimReset = "—";
  private String sfsimOne = "—";
  private String sfsimEight = "—";
  private String imageStart = "not measured";
  private String imageIdle = "not measured";
  private String imageName = "image";

  AnchorTable(int runs) {
    this.runs = runs;
  }

  void soql(AnchorSoql.Result soql) {
    sfsimOne = p50(soql.one());
    sfsimEight = qps(soql.eight());
  }

  void wireMockStarts(long[] ms) {
    wireMockStart = ms(AnchorBenchmark.median(ms));
  }

  void wireMockIdle(@Nullable Double mib) {
    wireMockIdle = AnchorBenchmark.mib(mib);
  }

  void wireMockResets(long[] micros) {
    wireMockReset = micros(AnchorBenchmark.median(micros));
  }

  void wireMockLoad(SoqlBenchmark.LoadResult one, SoqlBenchmark.LoadResult eight) {
    wireMockOne = p50(one);
    wireMockEight = qps(eight);
  }

  void sfsimStarts(long[] ms) {
    sfsimStart = ms(AnchorBenchmark.median(ms));
  }

  void sfsimFirstStarts(long[] ms) {
    sfsimFirstStart = ms(AnchorBenchmark.median(ms));
  }

  void sfsimIdle(@Nullable Double mib) {
    sfsimIdle = AnchorBenchmark.mib(mib);
  }

  void sfsimResets(long[] micros) {
    sfsimReset = micros(AnchorBenchmark.median(micros));
  }

  void image(String name, long[] ms, String idle) {
    imageName = "`" + name + "`";
    imageStart = ms(AnchorBenchmark.median(ms));
    imageIdle = idle;
  }

  void print(PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"figure", "sfsim", "WireMock", "target"});
    rows.add(
        new String[] {
          "start to ready, `java -jar` (default JVM flags), median of " + runs,
          sfsimStart + " (prepared `SFSIM_EMBEDDED_DIR`)",
          wireMockStart,
          "—"
        });
    rows.add(
        new String[] {
          "first start, `java -jar` (unpack, initdb, migrate), median of 3",
          sfsimFirstStart,
          "(as above)",
          "—"
        });
    rows.add(
        new String[] {
          "start to healthy, " + imageName + ", median of " + runs,
          imageStart,
          "no image here",
          "< 600 ms"
        });
    rows.add(
        new String[] {
          "idle memory 10 s after start, `java -jar` (PSS, JVM + PostgreSQL)",
          sfsimIdle,
          wireMockIdle,
          "—"
        });
    rows.add(
        new String[] {
          "idle memory 10 s after start, " + imageName + " (`docker stats`)",
          imageIdle,
          "no image here",
          "< 140 MiB"
        });
    rows.add(
        new String[] {
          "`POST /__admin/reset`, 200 fixture records / 200 stub mappings, median of 20",
          sfsimReset,
          wireMockReset,
          "< 20 ms"
        });
    rows.add(
        new String[] {
          "GET, 1 connection, p50 (SOQL selective query / stubbed GET, same body)",
          sfsimOne,
          wireMockOne,
          "< 0.5 ms"
        });
    rows.add(
        new String[] {
          "GET, 8 connections (SOQL selective query / stubbed GET, same body)",
          sfsimEight,
          wireMockEight,
          "≥ 10,000 q/s"
        });
    for (int i = 0; i < rows.size(); i++) {
      out.println("| " + String.join(" | ", rows.get(i)) + " |");
      if (i == 0) {
        out.println("|---|---|---|---|");
      }
    }
  }

  private static String ms(long ms) {
    return String.format("%,d ms", ms);
  }

  private static String micros(long micros) {
    return String.format("%,.1f ms", micros / 1000.0);
  }

  private static String p50(SoqlBenchmark.LoadResult r) {
    return r.qps() > 0 ? String.format("%.2f ms", r.p50()) : "failed";
  }

  private static String qps(SoqlBenchmark.LoadResult r) {
    return r.qps() > 0 ? String.format("%,.0f q/s", r.qps()) : "failed";
  }
}
