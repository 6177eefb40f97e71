package dev.sfsim.simulator.soql.ast;

import org.jspecify.annotations.Nullable;

/** A function in the SELECT list, with its alias ({@code COUNT(Id) total}) or null. */
public record FunctionItem(FunctionCall call, @Nullable Identifier alias) implements SelectItem {
  public Position position() {
    return call.position();
  }
}
