package dev.sfsim.simulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyUpWarmupTest {
  @Test
  void opensTheWalSegmentInUseTheSharedCatalogsThenEachUserDatabasesCatalogsNotTheTemplates(
      @TempDir Path data) throws Exception {
    Files.createDirectories(data.resolve("global"));
    for (String database : List.of("1", "4", "5", "16385")) {
      Files.createDirectories(data.resolve("base").resolve(database));
    }
    Path wal = Files.createDirectories(data.resolve("pg_wal"));
    for (String segment : List.of("00000001000000000000000E", "00000001000000000000000D")) {
      Files.write(wal.resolve(segment), new byte[0]);
    }
    Files.createDirectories(wal.resolve("archive_status"));
    List<Path> files = CopyUpWarmup.files(data);
    assertThat(files.get(0)).isEqualTo(data.resolve("global/pg_control"));
    assertThat(files.get(1)).isEqualTo(wal.resolve("00000001000000000000000D"));
    assertThat(files).doesNotContain(wal.resolve("00000001000000000000000E"));
    assertThat(files).contains(data.resolve("global/1260"), data.resolve("base/16385/1259"));
    assertThat(files)
        .noneMatch(
            f -> f.startsWith(data.resolve("base/1")) || f.startsWith(data.resolve("base/5")));
  }

  @Test
  void laterTheUserDatabasesRelationsInCreationOrderThenTheFirstResetsCatalogs(@TempDir Path data)
      throws Exception {
    Path database = Files.createDirectories(data.resolve("base/16385"));
    Files.createDirectories(data.resolve("base/1"));
    for (String file :
        List.of("16700", "16668", "16668_fsm", "2615", "pg_internal.init", "100000")) {
      Files.write(database.resolve(file), new byte[0]);
    }
    Files.write(data.resolve("base/1/16700"), new byte[0]);

    List<Path> later = CopyUpWarmup.laterFiles(data);
    assertThat(later.subList(0, 3))
        .containsExactly(
            database.resolve("16668"), database.resolve("16700"), database.resolve("100000"));
    assertThat(later).contains(database.resolve("2608"), data.resolve("global/1214"));
    assertThat(later)
        .doesNotContain(
            database.resolve("16668_fsm"),
            database.resolve("pg_internal.init"),
            data.resolve("base/1/16700"));
    assertThat(CopyUpWarmup.files(data)).doesNotContain(database.resolve("16668"));
  }

  @Test
  void anOpenLeavesContentAndTimesAsTheyWereAndCreatesNothing(@TempDir Path data) throws Exception {
    Path global = Files.createDirectories(data.resolve("global"));
    Path authid = Files.write(global.resolve("1260"), new byte[] {1, 2, 3});
    FileTime past = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    Files.setLastModifiedTime(authid, past);

    CopyUpWarmup.touch(authid);
    CopyUpWarmup.touch(global.resolve("1262"));

    assertThat(Files.readAllBytes(authid)).containsExactly(1, 2, 3);
    assertThat(Files.getLastModifiedTime(authid)).isEqualTo(past);
    try (var listed = Files.list(global)) {
      assertThat(listed).containsExactly(authid);
    }
  }
}
