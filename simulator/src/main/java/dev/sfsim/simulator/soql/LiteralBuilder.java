package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.soql.ast.Literal;
import dev.sfsim.simulator.soql.ast.Position;
import dev.sfsim.simulator.soql.ast.SoqlString;
import io.github.apexdevtools.apexparser.ApexParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Reads one WHERE value into a {@link Literal} ("Date Formats and Date Literals", "Quoted String
 * Escape Sequences").
 */
final class LiteralBuilder {
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");

  /** {@code +0100} as well as {@code +01:00}. */
  private static final Pattern COMPACT_OFFSET = Pattern.compile("(.*[+-]\\d{2})(\\d{2})");

  private final SoqlSource src;
  private final AstBuilder ast;

  LiteralBuilder(SoqlSource src, AstBuilder ast) {
    this.src = src;
    this.ast = ast;
  }

  /** A single value; lists and subqueries are syntax errors here (IN handles its own list). */
  Literal scalar(ApexParser.ValueContext v) {
    Position pos = SoqlParser.position(v.getStart());
    String text = ast.text(v);
    if (v.NULL() != null) {
      return new Literal.Null(pos);
    }
    if (v.BooleanLiteral() != null) {
      return new Literal.Bool(text.equalsIgnoreCase("true"), text, pos);
    }
    if (v.signedNumber() != null) {
      return number(v.signedNumber(), text, pos);
    }
    if (v.StringLiteral() != null) {
      return string(v.StringLiteral().getSymbol(), text, pos);
    }
    if (v.DateLiteral() != null) {
      return date(v.DateLiteral().getSymbol(), text, pos);
    }
    if (v.DateTimeLiteral() != null) {
      return dateTime(v.DateTimeLiteral().getSymbol(), text, pos);
    }
    if (v.dateFormula() != null) {
      return relative(v.dateFormula(), text, pos);
    }
    if (v.TimeLiteral() != null) {
      throw SoqlErrors.notSupported("time literals");
    }
    if (v.IntegralCurrencyLiteral() != null) {
      throw SoqlErrors.notSupported("currency literals");
    }
    if (v.boundExpression() != null) {
      throw ast.bindVariable(v.boundExpression());
    }
    throw ast.unexpected(v.getStart());
  }

  /**
   * {@code TODAY}, {@code LAST_N_DAYS:7}, ...: the name in upper case and n (0 when the literal
   * takes none).
   */
  private Literal relative(ApexParser.DateFormulaContext f, String text, Position pos) {
    String name = ast.text(f.getStart()).toUpperCase(Locale.ROOT);
    if (f.signedInteger() == null) {
      return new Literal.Relative(name, 0, text, pos);
    }
    ApexParser.SignedIntegerContext n = f.signedInteger();
    Token digits = n.IntegerLiteral().getSymbol();
    String unsigned = ast.text(digits);
    if (n.SUB() != null
        || !unsigned.chars().allMatch(Character::isDigit)
        || unsigned.length() > 6) {
      throw ast.unexpected(n.getStart());
    }
    return new Literal.Relative(name, Integer.parseInt(unsigned), text, pos);
  }

  private Literal number(ApexParser.SignedNumberContext n, String text, Position pos) {
    Token digits =
        (n.IntegerLiteral() != null ? n.IntegerLiteral() : n.NumberLiteral()).getSymbol();
    String unsigned = ast.text(digits);
    if (!NUMBER.matcher(unsigned).matches()) {
      throw ast.unexpected(digits);
    }
    BigDecimal value = new BigDecimal(unsigned);
    return new Literal.Number(n.SUB() != null ? value.negate() : value, text, pos);
  }

  private Literal string(Token t, String text, Position pos) {
    SoqlString value = new SoqlString(text.substring(1, text.length() - 1));
    value
        .illegalEscape()
        .ifPresent(
            bad -> {
              throw SoqlErrors.malformed(
                  src,
                  pos,
                  "Invalid string literal '"
                      + value.raw()
                      + "'. Illegal character sequence '"
                      + bad
                      + "' in string literal.");
            });
    return new Literal.Str(value, text, pos);
  }

  private Literal date(Token t, String text, Position pos) {
    try {
      return new Literal.Date(LocalDate.parse(text), text, pos);
    } catch (DateTimeParseException e) {
      throw ast.unexpected(t);
    }
  }

  private Literal dateTime(Token t, String text, Position pos) {
    var compact = COMPACT_OFFSET.matcher(text);
    String iso = compact.matches() ? compact.group(1) + ":" + compact.group(2) : text;
    try {
      return new Literal.DateTime(
          OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME), text, pos);
    } catch (DateTimeParseException e) {
      throw ast.unexpected(t);
    }
  }
}
