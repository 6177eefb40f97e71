package dev.sfsim.simulator.query;

import dev.sfsim.simulator.catalog.FieldValues;
import dev.sfsim.simulator.soql.RecordShape;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shapes one result row into a Salesforce record (wire format notes §3.2, §3.4): {@code attributes}
 * ({@code type}, {@code url} with the request's version and the 18-character id), then the selected fields in
 * SELECT order under their canonical names; parent relationships nest, {@code null} when the lookup is empty.
 */
final class RecordMapper {
    private final RecordShape shape;
    private final String basePath;

    /** @param basePath the request version's REST base, {@code /services/data/v60.0} */
    RecordMapper(RecordShape shape, String basePath) {
        this.shape = shape;
        this.basePath = basePath;
    }

    Map<String, Object> map(ResultSet rs) throws SQLException {
        return record(rs, shape);
    }

    private Map<String, Object> record(ResultSet rs, RecordShape level) throws SQLException {
        String id = rs.getString(level.idAlias());
        if (id == null) return null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", level.type().name());
        attributes.put("url", basePath + "/sobjects/" + level.type().name() + "/" + id);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("attributes", attributes);
        for (RecordShape.Node node : level.nodes()) {
            if (node instanceof RecordShape.Field f) {
                record.put(f.name(), FieldValues.toJson(f.column().field(), rs.getObject(f.column().alias())));
            } else if (node instanceof RecordShape.Children c) {
                record.put(c.name(), null); // filled by ChildRecords once the page is read
            } else {
                RecordShape.Parent p = (RecordShape.Parent) node;
                record.put(p.name(), record(rs, p.shape()));
            }
        }
        return record;
    }
}
