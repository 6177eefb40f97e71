package dev.sfsim.simulator.query;

import dev.sfsim.simulator.soql.RecordShape;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Shapes one result row into a Salesforce record ("Query", REST API Developer Guide; "Relationship
 * Queries", SOQL and SOSL Reference): {@code attributes} ({@code type}, {@code url} with the
 * request's version and the 18-character id), then the selected fields in SELECT order under their
 * canonical names (converted by {@code toLabel()}/{@code FORMAT()} when asked); parent
 * relationships nest, {@code null} when the lookup is empty; a polymorphic parent ({@code Actor},
 * TYPEOF) is typed as the object its id's key prefix names.
 */
final class RecordMapper {
  private final @Nullable RecordShape shape;
  private final String basePath;

  /**
   * @param basePath the request version's REST base, {@code /services/data/v60.0}
   */
  RecordMapper(@Nullable RecordShape shape, String basePath) {
    this.shape = shape;
    this.basePath = basePath;
  }

  @Nullable Map<String, Object> map(ResultSet rs) throws SQLException {
    return record(rs, shape);
  }

  private @Nullable Map<String, Object> record(ResultSet rs, RecordShape level)
      throws SQLException {
    String id = rs.getString(level.idAlias());
    if (id == null) {
      return null;
    }
    String type =
        level.typeAlias() == null
            ? level.type().name()
            : RecordShape.typeOf(level.typeByPrefix(), rs.getString(level.typeAlias()));
    return record(rs, level, id, type);
  }

  /**
   * A TYPEOF parent: the fields of the WHEN branch of its real type, else of ELSE, else attributes
   * only. (A reference whose key prefix is none of its targets' — which Salesforce cannot hold —
   * has a null type.)
   */
  private @Nullable Map<String, Object> typeOf(ResultSet rs, RecordShape.TypeOf t)
      throws SQLException {
    String id = rs.getString(t.idAlias());
    if (id == null) {
      return null;
    }
    String type = RecordShape.typeOf(t.typeByPrefix(), rs.getString(t.typeAlias()));
    RecordShape shape = t.branches().get(type);
    if (shape == null) {
      shape = t.otherwise();
    }
    if (shape == null) {
      return record(rs, new RecordShape(null, t.idAlias(), java.util.List.of()), id, type);
    }
    return record(rs, shape, id, type);
  }

  private Map<String, Object> record(
      ResultSet rs, RecordShape level, String id, @Nullable String type) throws SQLException {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("type", type);
    attributes.put("url", basePath + "/sobjects/" + type + "/" + id);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("attributes", attributes);
    for (RecordShape.Node node : level.nodes()) {
      if (node instanceof RecordShape.Field f) {
        record.put(f.name(), f.column().toJson(rs.getObject(f.column().alias())));
      } else if (node instanceof RecordShape.Children c) {
        record.put(c.name(), null); // filled by ChildRecords once the page is read
      } else if (node instanceof RecordShape.TypeOf t) {
        record.put(t.name(), typeOf(rs, t));
      } else {
        RecordShape.Parent p = (RecordShape.Parent) node;
        record.put(p.name(), record(rs, p.shape()));
      }
    }
    return record;
  }
}
