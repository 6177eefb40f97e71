package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.soql.ast.CountAll;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.FromClause;
import dev.sfsim.simulator.soql.ast.Identifier;
import dev.sfsim.simulator.soql.ast.OrderItem;
import dev.sfsim.simulator.soql.ast.RowCount;
import dev.sfsim.simulator.soql.ast.SelectItem;
import dev.sfsim.simulator.soql.ast.SoqlQuery;
import io.github.apexdevtools.apexparser.ApexParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * Turns apex-parser's {@code query} parse tree into our immutable AST, in source order. Constructs that are valid
 * API SOQL but not emulated yet answer 501; Apex-only ones (bind variables, {@code ALL ROWS}) are
 * {@code MALFORMED_QUERY}, as the API answers them.
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
        if (q.usingScope() != null) throw SoqlErrors.notSupported("USING SCOPE");
        var where = q.whereClause() == null ? null : conditions.logical(q.whereClause().whereLogicalExpression());
        if (q.withClause() != null) throw SoqlErrors.notSupported("WITH " + upper(q.withClause().getChild(1)));
        if (q.groupByClause() != null) throw SoqlErrors.notSupported("GROUP BY");
        List<OrderItem> orderBy = q.orderByClause() == null ? List.of()
                : q.orderByClause().fieldOrderList().fieldOrder().stream().map(this::orderItem).toList();
        RowCount limit = q.limitClause() == null ? null : rowCount(q.limitClause().IntegerLiteral(), q.limitClause().boundExpression());
        RowCount offset = q.offsetClause() == null ? null : rowCount(q.offsetClause().IntegerLiteral(), q.offsetClause().boundExpression());
        if (offset != null && offset.value() > MAX_OFFSET) {
            throw src.error(offset.position(), "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is " + MAX_OFFSET);
        }
        if (q.allRowsClause() != null) throw unexpected(q.allRowsClause().getStart());
        if (q.forClauses() != null && q.forClauses().getChildCount() > 0) {
            throw SoqlErrors.notSupported("FOR " + upper(q.forClauses().getChild(1)));
        }
        if (q.UPDATE() != null) throw SoqlErrors.notSupported("UPDATE TRACKING/VIEWSTAT");
        return new SoqlQuery(select, from, where, orderBy, limit, offset, SoqlParser.position(q.getStart()));
    }

    private SelectItem selectItem(ApexParser.SelectEntryContext e) {
        if (e.subQuery() != null) throw SoqlErrors.notSupported("child relationship subqueries");
        if (e.typeOf() != null) throw SoqlErrors.notSupported("TYPEOF");
        if (e.soqlFunction() != null) {
            ApexParser.SoqlFunctionContext fn = e.soqlFunction();
            if (fn.COUNT() == null || fn.fieldName() != null) {
                throw SoqlErrors.notSupported("function " + upper(fn.getChild(0)) + (fn.COUNT() != null ? "(fieldName)" : "()"));
            }
            if (e.soqlId() != null) throw aliasing(e.soqlId());
            return new CountAll(SoqlParser.position(fn.getStart()));
        }
        if (e.soqlId() != null) throw aliasing(e.soqlId());
        return fieldPath(e.fieldName());
    }

    private FromClause from(ApexParser.FromNameListContext f) {
        if (f.fieldName().size() > 1) throw SoqlErrors.notSupported("several objects in FROM");
        FieldPath name = fieldPath(f.fieldName(0));
        if (name.segments().size() > 1) throw SoqlErrors.notSupported("relationship paths in FROM");
        Identifier alias = f.soqlId().isEmpty() ? null : identifier(f.soqlId(0));
        return new FromClause(name.segments().get(0), alias);
    }

    private OrderItem orderItem(ApexParser.FieldOrderContext o) {
        if (o.soqlFunction() != null) throw SoqlErrors.notSupported("functions in ORDER BY");
        OrderItem.NullsOrder nulls = o.NULLS() == null ? OrderItem.NullsOrder.DEFAULT
                : o.FIRST() != null ? OrderItem.NullsOrder.FIRST : OrderItem.NullsOrder.LAST;
        return new OrderItem(fieldPath(o.fieldName()), o.DESC() != null, nulls);
    }

    private RowCount rowCount(TerminalNode integer, ApexParser.BoundExpressionContext bound) {
        if (bound != null) throw bindVariable(bound);
        Token t = integer.getSymbol();
        String text = text(t);
        if (!text.chars().allMatch(Character::isDigit)) throw unexpected(t);
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
        return SoqlErrors.malformed(src, SoqlParser.position(alias.getStart()), "Only aggregate expressions use field aliasing");
    }

    /** Apex {@code :bind} variables are refused by the API with this text (seen in jsforce issue #684). */
    RuntimeException bindVariable(ApexParser.BoundExpressionContext bound) {
        return SoqlErrors.malformed(src, SoqlParser.position(bound.getStart()), "Bind variables only allowed in Apex code");
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
        String text = node instanceof TerminalNode t ? text(t.getSymbol()) : text((ParserRuleContext) node);
        return text.toUpperCase(Locale.ROOT);
    }
}
