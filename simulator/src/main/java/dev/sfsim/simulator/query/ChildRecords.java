package dev.sfsim.simulator.query;

import dev.sfsim.simulator.soql.ChildSql;
import dev.sfsim.simulator.soql.CompiledQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Fills child relationship sub-selects into a page of parent records ("Relationship Queries", SOQL
 * and SOSL Reference): one statement per sub-select for the whole page; a parent with children gets
 * {@code {"totalSize":n,"done":true,"records":[…]}} under the relationship name, a parent without
 * any gets {@code null}.
 */
final class ChildRecords {
  private ChildRecords() {}

  static void fill(
      Handle handle,
      CompiledQuery compiled,
      List<String> parentIds,
      List<Map<String, Object>> parents,
      Instant now,
      String basePath) {
    fill(handle, compiled.children(), parentIds, parents, now, basePath);
  }

  /**
   * Fills {@code children} into {@code parents}, then their own child sub-selects into the rows
   * found (API 58.0+).
   */
  private static void fill(
      Handle handle,
      List<ChildSql> children,
      List<String> parentIds,
      List<Map<String, Object>> parents,
      Instant now,
      String basePath) {
    if (parentIds.isEmpty()) {
      return;
    }
    for (ChildSql child : children) {
      RecordMapper mapper = new RecordMapper(child.shape(), basePath);
      var query = handle.createQuery(child.sql());
      List<Object> parameters = CompiledQuery.bind(child.parameters(), now);
      for (int i = 0; i < parameters.size(); i++) {
        if (parameters.get(i) == ChildSql.PARENT_IDS) {
          query.bindArray(i, String.class, parentIds);
        } else {
          query.bind(i, parameters.get(i));
        }
      }
      Map<String, List<Map<String, Object>>> byParent = new HashMap<>();
      List<String> ids = new ArrayList<>();
      List<Map<String, Object>> rows = new ArrayList<>();
      query
          .map(
              (rs, ctx) -> {
                Map<String, Object> row = mapper.map(rs);
                byParent.computeIfAbsent(rs.getString("p0"), k -> new ArrayList<>()).add(row);
                ids.add(rs.getString("i0"));
                rows.add(row);
                return 0;
              })
          .list();
      if (!child.children().isEmpty()) {
        fill(handle, child.children(), ids, rows, now, basePath);
      }
      for (int i = 0; i < parents.size(); i++) {
        List<Map<String, Object>> records = byParent.get(parentIds.get(i));
        parents.get(i).put(child.name(), records == null ? null : result(records));
      }
    }
  }

  private static Map<String, Object> result(List<Map<String, Object>> records) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("totalSize", records.size());
    result.put("done", true);
    result.put("records", records);
    return result;
  }
}
