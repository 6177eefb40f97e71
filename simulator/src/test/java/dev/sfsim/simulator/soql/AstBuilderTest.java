package dev.sfsim.simulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.simulator.soql.ast.ComparisonOperator;
import dev.sfsim.simulator.soql.ast.Condition;
import dev.sfsim.simulator.soql.ast.CountAll;
import dev.sfsim.simulator.soql.ast.FieldPath;
import dev.sfsim.simulator.soql.ast.Literal;
import dev.sfsim.simulator.soql.ast.OrderItem;
import dev.sfsim.simulator.soql.ast.Position;
import dev.sfsim.simulator.soql.ast.SoqlQuery;
import dev.sfsim.simulator.soql.ast.SoqlString;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The parse tree -> AST step: structure, literal values and source positions. */
class AstBuilderTest {

  private static SoqlQuery parse(String soql) {
    SoqlSource src = new SoqlSource(soql);
    return new AstBuilder(src).build(SoqlParser.parse(src));
  }

  @Test
  void selectFromWhereOrderLimitOffsetWithPositions() {
    SoqlQuery q =
        parse(
            "SELECT Id, MessagingEndUser.Name\nFROM MessagingSession s\nWHERE Status = 'Active' AND (NOT Seq > -1.5)\n"
                + "ORDER BY Name DESC NULLS FIRST LIMIT 10 OFFSET 3");
    FieldPath path = (FieldPath) q.select().get(1);
    assertThat(path.text()).isEqualTo("MessagingEndUser.Name");
    assertThat(path.position()).isEqualTo(new Position(1, 12));
    assertThat(path.segments().get(1).position()).isEqualTo(new Position(1, 29));
    assertThat(q.from().object().text()).isEqualTo("MessagingSession");
    assertThat(q.from().object().position()).isEqualTo(new Position(2, 6));
    assertThat(q.from().alias().text()).isEqualTo("s");

    Condition.And and = (Condition.And) q.where();
    Condition.Comparison status = (Condition.Comparison) and.operands().get(0);
    assertThat(status.operator()).isEqualTo(ComparisonOperator.EQ);
    assertThat(((Literal.Str) status.value()).value().value()).isEqualTo("Active");
    assertThat(status.value().position()).isEqualTo(new Position(3, 16));
    Condition.Comparison seq =
        (Condition.Comparison) ((Condition.Not) and.operands().get(1)).operand();
    assertThat(seq.operator()).isEqualTo(ComparisonOperator.GT);
    assertThat(((Literal.Number) seq.value()).value()).isEqualByComparingTo(new BigDecimal("-1.5"));

    OrderItem order = q.orderBy().get(0);
    assertThat(order.descending()).isTrue();
    assertThat(order.nullsFirst()).isTrue();
    assertThat(q.limit().value()).isEqualTo(10);
    assertThat(q.offset().value()).isEqualTo(3);
  }

  @Test
  void literalsOfEveryKind() {
    SoqlQuery q =
        parse(
            "SELECT Id FROM X WHERE a IN (null, TRUE, 2024-02-29, 2024-01-01T10:00:00+01:00, 2024-01-01T10:00:00+0100, 'x') "
                + "AND b NOT IN ('y') AND c <> 1 AND d <= 2 AND e >= 3 AND f LIKE 'g%'");
    Condition.And and = (Condition.And) q.where();
    Condition.In in = (Condition.In) and.operands().get(0);
    assertThat(in.negated()).isFalse();
    assertThat(in.values()).hasSize(6);
    assertThat(in.values().get(0)).isInstanceOf(Literal.Null.class);
    assertThat(((Literal.Bool) in.values().get(1)).value()).isTrue();
    assertThat(((Literal.Date) in.values().get(2)).value()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(((Literal.DateTime) in.values().get(3)).value())
        .isEqualTo(OffsetDateTime.parse("2024-01-01T10:00:00+01:00"));
    assertThat(((Literal.DateTime) in.values().get(4)).value())
        .isEqualTo(OffsetDateTime.parse("2024-01-01T10:00:00+01:00"));
    assertThat(((Condition.In) and.operands().get(1)).negated()).isTrue();
    assertThat(and.operands().subList(2, 6))
        .extracting(c -> ((Condition.Comparison) c).operator())
        .containsExactly(
            ComparisonOperator.NE,
            ComparisonOperator.LE,
            ComparisonOperator.GE,
            ComparisonOperator.LIKE);
  }

  @Test
  void countAllAndKeywordsAsNames() {
    SoqlQuery q = parse("select count() from Name where Limit = 1");
    assertThat(q.select()).singleElement().isInstanceOf(CountAll.class);
    assertThat(q.from().object().text()).isEqualTo("Name");
  }

  @Test
  void soqlStringEscapes() {
    SoqlString s = new SoqlString("a\\'b\\n\\\\c\\%d\\_e%f_\\u0041\\N");
    assertThat(s.illegalEscape()).isEmpty();
    assertThat(s.value()).isEqualTo("a'b\n\\c%d_e%f_A\n");
    assertThat(s.likePattern()).isEqualTo("a'b\n\\\\c\\%d\\_e%f_A\n");
    assertThat(new SoqlString("x\\y").illegalEscape()).contains("\\y");
    assertThat(new SoqlString("x\\").illegalEscape()).contains("\\");
    assertThat(new SoqlString("\\u12").illegalEscape()).contains("\\u");
  }

  @Test
  void stringMaskKeepsPositions() {
    String q = "SELECT Id FROM X WHERE a = 'x\\%\\_\\'\uD83D\uDE00' AND b = 1";
    String masked = StringMask.mask(q);
    assertThat(masked.codePointCount(0, masked.length()))
        .isEqualTo(q.codePointCount(0, q.length()));
    assertThat(masked)
        .isEqualTo("SELECT Id FROM X WHERE a = 'x\\\\\\\\\\\\\uD83D\uDE00' AND b = 1");
  }
}
