package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.soql.ast.Position;
import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser;
import io.github.apexdevtools.apexparser.CaseInsensitiveInputStream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.jspecify.annotations.Nullable;

/**
 * Runs the apex-parser grammar's {@code query} rule over a standalone SOQL statement and turns the
 * first lexical or syntax error into Salesforce's {@code MALFORMED_QUERY}. ANTLR's console
 * listeners are removed: nothing is printed, every failure is a {@link
 * dev.sfsim.simulator.org.SalesforceException}.
 */
final class SoqlParser {
  /**
   * Parenthesis depth beyond which parsing time grows too fast (ANTLR's lookahead is quadratic in
   * it).
   */
  static final int MAX_NESTING = 64;

  private SoqlParser() {}

  /** Parses the whole text (the token after the statement must be EOF). */
  static ApexParser.@Nullable QueryContext parse(SoqlSource src) {
    String masked = blankTrailingForClauses(StringMask.mask(src.text()));
    if (nesting(masked) > MAX_NESTING) {
      throw SoqlErrors.tooComplicated();
    }
    ApexLexer lexer = new ApexLexer(new CaseInsensitiveInputStream(CharStreams.fromString(masked)));
    LexerErrors lexerErrors = new LexerErrors();
    lexer.removeErrorListeners();
    lexer.addErrorListener(lexerErrors);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    int lexErrorAt = firstLexicalError(tokens, lexerErrors);

    requireSelectFirst(src, tokens, lexErrorAt);
    ApexParser parser = new ApexParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> r,
              Object offending,
              int line,
              int col,
              String msg,
              RecognitionException e) {
            throw new SyntaxError(offending instanceof Token t ? t : tokens.LT(1));
          }
        });
    Token bad;
    ApexParser.QueryContext query = null;
    try {
      query = parser.query();
      bad = tokens.LA(1) == Token.EOF ? null : tokens.LT(1);
    } catch (SyntaxError e) {
      bad = e.token;
    }
    if (lexErrorAt >= 0 && (bad == null || lexErrorAt <= bad.getStartIndex())) {
      throw lexicalError(src, lexerErrors, tokens, lexErrorAt);
    }
    if (bad != null) {
      bad = blameNotAfterAndOr(tokens, bad);
      throw SoqlErrors.unexpectedToken(
          src,
          position(bad),
          bad.getType() == Token.EOF
              ? "<EOF>"
              : src.slice(bad.getStartIndex(), bad.getStopIndex()));
    }
    return query;
  }

  /**
   * SOQL puts {@code FOR VIEW}, {@code FOR REFERENCE} and {@code FOR UPDATE} at the very end; the
   * grammar only after FROM. Trailing ones are blanked (same length, so positions stay exact); they
   * have no effect here.
   */
  private static String blankTrailingForClauses(String masked) {
    int end = masked.length();
    while (true) {
      int stop = end;
      while (stop > 0 && Character.isWhitespace(masked.charAt(stop - 1))) {
        stop--;
      }
      int from = Math.max(0, stop - 40);
      var m = TRAILING_FOR.matcher(masked.substring(from, stop));
      if (!m.find()) {
        break;
      }
      int at = from + m.start();
      if (at == 0
          || !Character.isWhitespace(masked.charAt(at - 1)) && masked.charAt(at - 1) != ')') {
        break;
      }
      end = at;
    }
    return end == masked.length()
        ? masked
        : masked.substring(0, end) + " ".repeat(masked.length() - end);
  }

  private static final java.util.regex.Pattern TRAILING_FOR =
      java.util.regex.Pattern.compile("(?i)FOR\\s+(VIEW|REFERENCE|UPDATE)$");

  /** Salesforce's short form (no caret block) when the statement does not start with SELECT. */
  private static void requireSelectFirst(SoqlSource src, CommonTokenStream tokens, int lexErrorAt) {
    Token first =
        tokens.getTokens().stream()
            .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL)
            .findFirst()
            .orElseThrow();
    if (lexErrorAt >= 0 && lexErrorAt <= first.getStartIndex()) {
      throw SoqlErrors.unexpectedFirstToken(src.charAt(lexErrorAt));
    }
    if (first.getType() != ApexLexer.SELECT) {
      throw SoqlErrors.unexpectedFirstToken(
          first.getType() == Token.EOF
              ? "<EOF>"
              : src.slice(first.getStartIndex(), first.getStopIndex()));
    }
  }

  /**
   * {@code a = 1 AND NOT b = 2} is not SOQL (NOT needs parentheses there); the grammar then reads
   * NOT as a field name and fails on the next token, while Salesforce blames the NOT ("unexpected
   * token: 'NOT'").
   */
  private static Token blameNotAfterAndOr(CommonTokenStream tokens, Token bad) {
    Token previous = previous(tokens, bad.getTokenIndex());
    if (previous == null || previous.getType() != ApexLexer.NOT) {
      return bad;
    }
    Token before = previous(tokens, previous.getTokenIndex());
    boolean afterAndOr =
        before != null
            && (before.getType() == ApexLexer.SOQLAND || before.getType() == ApexLexer.SOQLOR);
    return afterAndOr ? previous : bad;
  }

  private static @Nullable Token previous(CommonTokenStream tokens, int index) {
    for (int i = index - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }

  /** The deepest parenthesis nesting outside string literals (escapes are already masked). */
  private static int nesting(String masked) {
    int depth = 0;
    int max = 0;
    boolean inString = false;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c == '\'') {
        inString = !inString;
      } else if (!inString && c == '(') {
        max = Math.max(max, ++depth);
      } else if (!inString && c == ')') {
        depth--;
      }
    }
    return max;
  }

  static Position position(Token t) {
    return new Position(t.getLine(), t.getCharPositionInLine() + 1);
  }

  /**
   * Char index of the first character the lexer refused or of the first comment (SOQL has none), or
   * -1.
   */
  private static int firstLexicalError(CommonTokenStream tokens, LexerErrors errors) {
    int at = errors.index;
    for (Token t : tokens.getTokens()) {
      if (t.getType() == ApexLexer.COMMENT
          || t.getType() == ApexLexer.LINE_COMMENT
          || t.getType() == ApexLexer.DOC_COMMENT) {
        if (at < 0 || t.getStartIndex() < at) {
          at = t.getStartIndex();
        }
        break;
      }
    }
    return at;
  }

  /**
   * Salesforce reports characters its lexer cannot start a token with as {@code line L:C no viable
   * alternative at character 'x'}.
   */
  private static RuntimeException lexicalError(
      SoqlSource src, LexerErrors errors, CommonTokenStream tokens, int index) {
    int line = errors.line;
    int col = errors.column;
    if (index != errors.index) {
      Token comment =
          tokens.getTokens().stream()
              .filter(t -> t.getStartIndex() == index)
              .findFirst()
              .orElseThrow();
      line = comment.getLine();
      col = comment.getCharPositionInLine();
    }
    return SoqlErrors.malformed(
        src,
        new Position(line, col + 1),
        "line "
            + line
            + ":"
            + col
            + " no viable alternative at character '"
            + src.charAt(index)
            + "'");
  }

  /** Remembers the first character the lexer could not match. */
  private static final class LexerErrors extends BaseErrorListener {
    int index = -1;
    int line;
    int column;

    @Override
    public void syntaxError(
        Recognizer<?, ?> r,
        Object offending,
        int line,
        int col,
        String msg,
        RecognitionException e) {
      if (index >= 0) {
        return;
      }
      index = ((Lexer) r)._tokenStartCharIndex;
      this.line = line;
      this.column = col;
    }
  }

  /** Stops the parser at the first syntax error. */
  private static final class SyntaxError extends RuntimeException {
    final transient Token token;

    SyntaxError(Token token) {
      super(null, null, false, false);
      this.token = token;
    }
  }
}
