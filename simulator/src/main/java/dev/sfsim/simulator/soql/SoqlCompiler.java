package dev.sfsim.simulator.soql;

import dev.sfsim.simulator.catalog.Catalog;
import dev.sfsim.simulator.org.SalesforceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The SOQL pipeline: parse (apex-parser's grammar) -> our AST -> resolve against the {@link
 * Catalog} at the request's API version -> PostgreSQL with bound values. Thread-safe; compiled
 * plans are cached (up to 512 statements; the cache starts over when full).
 *
 * <p>Reproduces the query semantics and error texts of the SOQL and SOSL Reference and of real REST
 * responses ("Query", "Status Codes and Error Responses", REST API Developer Guide). Every failure
 * is a {@link SalesforceException}: 400 {@code MALFORMED_QUERY}, {@code INVALID_FIELD}, {@code
 * INVALID_TYPE}, {@code INVALID_QUERY_FILTER_OPERATOR}, ... with Salesforce's caret layout, or 501
 * {@code NOT_SUPPORTED_BY_SIMULATOR} for valid SOQL not emulated yet (convertCurrency(),
 * DISTANCE(), WITH DATA CATEGORY, ...). Any other exception is a bug in the compiler, never the
 * query's fault: it is not dressed up as a 400 but goes up to the error renderer, which logs it and
 * answers 500 {@code UNKNOWN_EXCEPTION} (and the fuzz tests count it as a finding). Plans are
 * cacheable even with relative date literals: their values are {@link DateBound}s bound when the
 * query runs. Error carets echo the whole offending line (Salesforce shows a window of very long
 * lines; its rule is unknown).
 */
public final class SoqlCompiler {
  /** "SOQL and SOSL Limits": a statement is at most 100,000 characters. */
  static final int MAX_LENGTH = 100_000;

  private static final int CACHE_SIZE = 512;

  /** Longer statements are compiled each time rather than kept (bounds the cache's memory). */
  private static final int MAX_CACHED_LENGTH = 8_192;

  private final Catalog catalog;

  /**
   * Plans by statement; emptied when full. Read without a lock: every request thread compiles (a
   * synchronized LRU map made each lookup a lock, and a write, under load).
   */
  private final Map<Key, CompiledQuery> cache = new ConcurrentHashMap<>();

  private record Key(String soql, double apiVersion, boolean includeDeleted) {}

  public SoqlCompiler(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Compiles a query for {@code GET /query} (live rows only).
   *
   * @see #compile(String, double, boolean)
   */
  public CompiledQuery compile(String soql, double apiVersion) {
    return compile(soql, apiVersion, false);
  }

  /**
   * Compiles a SOQL statement.
   *
   * @param soql the {@code q} parameter, decoded; null gives "A query string has to be specified"
   * @param apiVersion the request's version, e.g. 60.0: objects and fields newer than it do not
   *     exist
   * @param includeDeleted true for queryAll (rows with {@code IsDeleted = true} included)
   * @return the SQL, its parameters and the shape of the records
   * @throws SalesforceException 400/501 as described on the class (a statement too deeply nested
   *     for the parser's stack included); any other exception is a compiler bug
   */
  public CompiledQuery compile(@Nullable String soql, double apiVersion, boolean includeDeleted) {
    if (soql == null) {
      throw SoqlErrors.missingQuery();
    }
    if (soql.isBlank()) {
      throw SoqlErrors.emptyQuery();
    }
    Key key = new Key(soql, apiVersion, includeDeleted);
    CompiledQuery cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    CompiledQuery compiled = compileUncached(soql, apiVersion, includeDeleted);
    if (soql.length() <= MAX_CACHED_LENGTH) {
      if (cache.size() >= CACHE_SIZE) {
        cache.clear();
      }
      cache.put(key, compiled);
    }
    return compiled;
  }

  private CompiledQuery compileUncached(String soql, double apiVersion, boolean includeDeleted) {
    if (soql.length() > MAX_LENGTH) {
      throw SoqlErrors.tooComplicated();
    }
    SoqlSource src = new SoqlSource(soql);
    try {
      var tree = SoqlParser.parse(src);
      var ast = new AstBuilder(src).build(tree);
      var resolved = new Resolver(catalog, apiVersion, src).resolve(ast);
      return SqlTranslator.translate(resolved, includeDeleted);
    } catch (StackOverflowError e) {
      throw SoqlErrors.tooComplicated();
    }
  }
}
