package dev.sfsim.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sfsim.testcontainers.junit.EnabledIfDockerAvailable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@code withExternalPostgres}: the simulator keeps its data in the caller's PostgreSQL container.
 * Image: the system property or environment variable {@code SFSIM_POSTGRES_IMAGE} (CI builds {@code
 * sfsim/postgres:15} offline with {@code .ci/build-postgres-image.sh}), else the official {@code
 * postgres:16-alpine}.
 */
@EnabledIfDockerAvailable
class ExternalPostgresIT {
  private static final String IMAGE = System.getProperty("sfsim.image", "sfsim/simulator:latest");

  @Test
  void keepsTheOrgInTheCallersPostgres() throws Exception {
    String pgImage = System.getenv().getOrDefault("SFSIM_POSTGRES_IMAGE", "postgres:16-alpine");
    boolean present =
        DockerClientFactory.instance()
                .client()
                .listImagesCmd()
                .withImageNameFilter(pgImage)
                .exec()
                .size()
            > 0;
    assumeTrue(
        present || "1".equals(System.getenv("SFSIM_REQUIRE_DOCKER")),
        "PostgreSQL image " + pgImage + " is not here");
    try (PostgreSQLContainer postgres =
            new PostgreSQLContainer(
                DockerImageName.parse(pgImage).asCompatibleSubstituteFor("postgres"));
        SalesforceSimulatorContainer sfsim =
            new SalesforceSimulatorContainer(IMAGE).withExternalPostgres(postgres)) {
      sfsim.start();

      assertThat(sfsim.getAdminClient().session().query("SELECT Id FROM Organization")).hasSize(1);
      assertThat(sfsim.getEnvMap()).containsEntry("SFSIM_DATABASE_USER", postgres.getUsername());
      try (Connection c =
              DriverManager.getConnection(
                  postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
          ResultSet rs =
              c.createStatement().executeQuery("SELECT count(*) FROM public.organization")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    }
  }
}
