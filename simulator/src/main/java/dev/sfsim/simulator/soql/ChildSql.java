package dev.sfsim.simulator.soql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The statement of a child relationship sub-select, run once per page of parent records: its last
 * placeholder but the LIMIT's is {@link #PARENT_IDS}, to bind as a text array of the page's parent
 * ids. Each row carries the parent's id as {@code p0}; rows come ordered by parent, then by the
 * sub-select's ORDER BY and id, at most LIMIT per parent.
 *
 * @param name the relationship name, the key in the parent record
 * @param sql the SQL text
 * @param parameters values as in {@link CompiledQuery#parameters()}, with {@link #PARENT_IDS} where
 *     the ids go
 * @param shape the layout of each child record
 * @param children its own child sub-selects (API 58.0+), run per page of its rows the same way
 */
public record ChildSql(
    String name,
    String sql,
    List<Object> parameters,
    @Nullable RecordShape shape,
    List<ChildSql> children) {
  /** Placeholder marker for the parent ids. */
  public static final Object PARENT_IDS =
      new Object() {
        @Override
        public String toString() {
          return "ParentIds";
        }
      };

  public ChildSql {
    parameters = List.copyOf(parameters);
    children = List.copyOf(children);
  }
}
