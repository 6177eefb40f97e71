package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.org.ErrorCode;
import dev.sfsim.simulator.soql.ast.AliasedField;
import dev.sfsim.simulator.soql.ast.ChildQuery;
import dev.sfsim.simulator.soql.ast.Condition;
import dev.sfsim.simulator.soql.ast.CountAll;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.FieldsItem;
import dev.sfsim.simulator.soql.ast.FromClause;
import dev.sfsim.simulator.soql.ast.FunctionCall;
import dev.sfsim.simulator.soql.ast.FunctionItem;
import dev.sfsim.simulator.soql.ast.Identifier;
import dev.sfsim.simulator.soql.ast.OrderItem;
import dev.sfsim.simulator.soql.ast.Position;
import dev.sfsim.simulator.soql.ast.RowCount;
import dev.sfsim.simulator.soql.ast.SelectItem;
import dev.sfsim.simulator.soql.ast.SoqlQuery;
import dev.sfsim.simulator.soql.ast.TypeOf;
import dev.sfsim.simulator.soql.ast.ValueExpr;
import io.github.apexdevtools.apexparser.ApexParser;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns apex-parser's {@code query} parse tree into our immutable AST, in source order. Constructs
 * that are valid API SOQL but not emulated yet answer 501; Apex-only ones (bind variables, {@code
 * ALL ROWS}) are {@code MALFORMED_QUERY}, as the API answers them.
 */
final class AstBuilder {
  /** "OFFSET" (SOQL and SOSL Reference): the maximum offset is 2,000 rows. */
  static final long MAX_OFFSET = 2000;

  private final SoqlSource src;
  private final ConditionBuilder conditions;

  AstBuilder(SoqlSource src) {
    this.src = src;
    this.conditions = new ConditionBuilder(src, this);
  }

  SoqlQuery build(ApexParser.QueryContext q) {
    List<SelectItem> select = q.selectList().selectEntry().stream().map(this::selectItem).toList();
    FromClause from = from(q.fromNameList());
    if (q.usingScope() != null) {
      throw SoqlErrors.notSupported("USING SCOPE");
    }
    var where =
        q.whereClause() == null
            ? null
            : conditions.logical(q.whereClause().whereLogicalExpression());
    if (q.withClause() != null) {
      with(q.withClause());
    }
    List<ValueExpr> groupBy = List.of();
    String groupingMode = "";
    Condition having = null;
    if (q.groupByClause() != null) {
      var g = q.groupByClause();
      groupingMode = g.ROLLUP() != null ? "ROLLUP" : g.CUBE() != null ? "CUBE" : "";
      groupBy =
          g.fieldGroupByList().fieldGroupBy().stream()
              .map(
                  f ->
                      f.fieldName() != null
                          ? (ValueExpr) fieldPath(f.fieldName())
                          : function(f.soqlFunction()))
              .toList();
      if (g.HAVING() != null) {
        having = conditions.having(g.logicalExpression());
      }
    }
    List<OrderItem> orderBy =
        q.orderByClause() == null
            ? List.of()
            : q.orderByClause().fieldOrderList().fieldOrder().stream()
                .map(this::orderItem)
                .toList();
    RowCount limit =
        q.limitClause() == null
            ? null
            : rowCount(q.limitClause().IntegerLiteral(), q.limitClause().boundExpression());
    RowCount offset =
        q.offsetClause() == null
            ? null
            : rowCount(q.offsetClause().IntegerLiteral(), q.offsetClause().boundExpression());
    if (offset != null && offset.value() > MAX_OFFSET) {
      throw src.error(
          offset.position(),
          ErrorCode.NUMBER_OUTSIDE_VALID_RANGE,
          "Maximum SOQL offset allowed is " + MAX_OFFSET);
    }
    if (q.allRowsClause() != null) {
      throw unexpected(q.allRowsClause().getStart());
    }
    // FOR VIEW / FOR REFERENCE / FOR UPDATE only mark records as viewed or lock them: accepted, no
    // effect here.
    if (q.UPDATE() != null) {
      throw SoqlErrors.notSupported("UPDATE TRACKING/VIEWSTAT");
    }
    return new SoqlQuery(
        select,
        from,
        where,
        groupBy,
        groupingMode,
        having,
        orderBy,
        limit,
        offset,
        SoqlParser.position(q.getStart()));
  }

  /**
   * A parenthesised {@code SELECT} (semi-join, anti-join or child relationship): fields, FROM,
   * WHERE, ORDER BY, LIMIT.
   */
  SoqlQuery subQuery(ApexParser.SubQueryContext q) {
    List<SelectItem> select =
        q.subFieldList().subFieldEntry().stream()
            .map(
                e -> {
                  if (e.subQuery() != null) {
                    return new ChildQuery(
                        subQuery(e.subQuery()), SoqlParser.position(e.getStart()));
                  }
                  if (e.typeOf() != null) {
                    return typeOf(e.typeOf());
                  }
                  Identifier alias = e.soqlId() == null ? null : identifier(e.soqlId());
                  if (e.soqlFunction() != null) {
                    FunctionCall call = function(e.soqlFunction());
                    return (SelectItem)
                        (call.name().equals("COUNT") && call.field() == null
                            ? new CountAll(call.position())
                            : new FunctionItem(call, alias));
                  }
                  FieldPath field = fieldPath(e.fieldName());
                  return alias == null ? field : new AliasedField(field, alias);
                })
            .toList();
    FromClause from = from(q.fromNameList());
    var where =
        q.whereClause() == null
            ? null
            : conditions.logical(q.whereClause().whereLogicalExpression());
    List<OrderItem> orderBy =
        q.orderByClause() == null
            ? List.of()
            : q.orderByClause().fieldOrderList().fieldOrder().stream()
                .map(this::orderItem)
                .toList();
    RowCount limit =
        q.limitClause() == null
            ? null
            : rowCount(q.limitClause().IntegerLiteral(), q.limitClause().boundExpression());
    if (q.UPDATE() != null) {
      throw SoqlErrors.notSupported("UPDATE TRACKING/VIEWSTAT");
    }
    return new SoqlQuery(
        select,
        from,
        where,
        List.of(),
        "",
        null,
        orderBy,
        limit,
        null,
        SoqlParser.position(q.getStart()));
  }

  /**
   * WITH SECURITY_ENFORCED / USER_MODE / SYSTEM_MODE: the integration user sees every field and
   * record here.
   */
  private void with(ApexParser.WithClauseContext w) {
    if (w.SECURITY_ENFORCED() != null || w.USER_MODE() != null || w.SYSTEM_MODE() != null) {
      return;
    }
    throw SoqlErrors.notSupported("WITH " + upper(w.getChild(1)));
  }

  private SelectItem selectItem(ApexParser.SelectEntryContext e) {
    if (e.subQuery() != null) {
      return new ChildQuery(subQuery(e.subQuery()), SoqlParser.position(e.getStart()));
    }
    if (e.typeOf() != null) {
      return typeOf(e.typeOf());
    }
    Identifier alias = e.soqlId() == null ? null : identifier(e.soqlId());
    if (e.soqlFunction() != null) {
      ApexParser.SoqlFunctionContext fn = e.soqlFunction();
      if (fn.FIELDS() != null) {
        if (alias != null) {
          throw aliasing(e.soqlId());
        }
        return new FieldsItem(upper(fn.soqlFieldsParameter()), SoqlParser.position(fn.getStart()));
      }
      FunctionCall call = function(fn);
      if (call.name().equals("COUNT") && call.field() == null) {
        if (alias != null) {
          throw aliasing(e.soqlId());
        }
        return new CountAll(call.position());
      }
      return new FunctionItem(call, alias);
    }
    FieldPath field = fieldPath(e.fieldName());
    return alias == null ? field : new AliasedField(field, alias);
  }

  private TypeOf typeOf(ApexParser.TypeOfContext t) {
    List<TypeOf.When> whens =
        t.whenClause().stream()
            .map(
                w ->
                    new TypeOf.When(
                        identifier(w.fieldName().soqlId(0)), fieldList(w.fieldNameList())))
            .toList();
    for (var w : t.whenClause()) {
      if (w.fieldName().soqlId().size() > 1) {
        throw unexpected(w.fieldName().soqlId(1).getStart());
      }
    }
    List<FieldPath> otherwise =
        t.elseClause() == null ? List.of() : fieldList(t.elseClause().fieldNameList());
    return new TypeOf(
        fieldPath(t.fieldName()), whens, otherwise, SoqlParser.position(t.getStart()));
  }

  private List<FieldPath> fieldList(ApexParser.FieldNameListContext l) {
    return l.fieldName().stream().map(this::fieldPath).toList();
  }

  /** Aggregate and date functions over one field; the other SOQL functions are not emulated. */
  FunctionCall function(ApexParser.SoqlFunctionContext fn) {
    String name = upper(fn.getChild(0));
    Position at = SoqlParser.position(fn.getStart());
    if (fn.FORMAT() != null && fn.soqlFunction() != null) {
      return new FunctionCall(name, null, at, function(fn.soqlFunction()));
    }
    if (fn.soqlFunction() != null
        || fn.FIELDS() != null
        || fn.DISTANCE() != null
        || fn.GROUPING() != null
        || fn.CONVERT_CURRENCY() != null) {
      throw SoqlErrors.notSupported("function " + name + "()");
    }
    if (fn.dateFieldName() != null) {
      if (fn.dateFieldName().CONVERT_TIMEZONE() != null) {
        throw SoqlErrors.notSupported("function CONVERT_TIMEZONE()");
      }
      return new FunctionCall(name, fieldPath(fn.dateFieldName().fieldName()), at);
    }
    return new FunctionCall(name, fn.fieldName() == null ? null : fieldPath(fn.fieldName()), at);
  }

  private FromClause from(ApexParser.FromNameListContext f) {
    if (f.fieldName().size() > 1) {
      throw SoqlErrors.notSupported("several objects in FROM");
    }
    FieldPath name = fieldPath(f.fieldName(0));
    if (name.segments().size() > 1) {
      throw SoqlErrors.notSupported("relationship paths in FROM");
    }
    Identifier alias = f.soqlId().isEmpty() ? null : identifier(f.soqlId(0));
    return new FromClause(name.segments().get(0), alias);
  }

  private OrderItem orderItem(ApexParser.FieldOrderContext o) {
    ValueExpr key =
        o.soqlFunction() != null ? function(o.soqlFunction()) : fieldPath(o.fieldName());
    OrderItem.NullsOrder nulls =
        o.NULLS() == null
            ? OrderItem.NullsOrder.DEFAULT
            : o.FIRST() != null ? OrderItem.NullsOrder.FIRST : OrderItem.NullsOrder.LAST;
    return new OrderItem(key, o.DESC() != null, nulls);
  }

  private RowCount rowCount(TerminalNode integer, ApexParser.BoundExpressionContext bound) {
    if (bound != null) {
      throw bindVariable(bound);
    }
    Token t = integer.getSymbol();
    String text = text(t);
    if (!text.chars().allMatch(Character::isDigit)) {
      throw unexpected(t);
    }
    BigInteger value = new BigInteger(text).min(BigInteger.valueOf(Long.MAX_VALUE));
    return new RowCount(value.longValue(), SoqlParser.position(t));
  }

  FieldPath fieldPath(ApexParser.FieldNameContext f) {
    List<Identifier> segments = f.soqlId().stream().map(this::identifier).toList();
    return new FieldPath(segments, segments.get(0).position());
  }

  private Identifier identifier(ApexParser.SoqlIdContext id) {
    return new Identifier(text(id), SoqlParser.position(id.getStart()));
  }

  private RuntimeException aliasing(ApexParser.SoqlIdContext alias) {
    return SoqlErrors.malformed(
        src,
        SoqlParser.position(alias.getStart()),
        "Only aggregate expressions use field aliasing");
  }

  /**
   * Apex {@code :bind} variables are refused by the API with this text (seen in jsforce issue
   * #684).
   */
  RuntimeException bindVariable(ApexParser.BoundExpressionContext bound) {
    return SoqlErrors.malformed(
        src, SoqlParser.position(bound.getStart()), "Bind variables only allowed in Apex code");
  }

  RuntimeException unexpected(Token t) {
    return SoqlErrors.unexpectedToken(src, SoqlParser.position(t), text(t));
  }

  /** The original text of a node (the lexer saw a masked copy, see {@link StringMask}). */
  String text(ParserRuleContext ctx) {
    return src.slice(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex());
  }

  String text(Token t) {
    return src.slice(t.getStartIndex(), t.getStopIndex());
  }

  private String upper(org.antlr.v4.runtime.tree.ParseTree node) {
    String text =
        node instanceof TerminalNode t ? text(t.getSymbol()) : text((ParserRuleContext) node);
    return text.toUpperCase(Locale.ROOT);
  }
}
