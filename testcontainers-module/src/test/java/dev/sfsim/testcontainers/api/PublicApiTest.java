package dev.sfsim.testcontainers.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sfsim.testcontainers.SalesforceSimulatorContainer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's public API speaks JDK types, its own types and the Testcontainers and JUnit API its
 * users already have: no Jackson, no optional dependency ({@code PostgreSQLContainer}), no
 * simulator internals in a public or protected signature. Methods overriding a Testcontainers
 * method keep that method's signature and are not checked.
 */
class PublicApiTest {
  private static final String ROOT = "dev.sfsim.testcontainers";
  private static final List<String> ALLOWED =
      List.of("java.", ROOT + ".", "org.testcontainers.", "org.junit.");
  private static final List<String> REFUSED =
      List.of(
          "org.testcontainers.postgresql.",
          "org.testcontainers.containers.PostgreSQLContainer",
          "org.testcontainers.containers.JdbcDatabaseContainer",
          "org.testcontainers.shaded.");

  @Test
  void publicSignaturesMentionOnlyJdkModuleTestcontainersAndJUnitTypes() throws Exception {
    List<Class<?>> types = moduleClasses();
    assertThat(types).as("classes found").hasSizeGreaterThan(20);
    Set<String> leaks = new TreeSet<>();
    for (Class<?> c : types) {
      if (!isExported(c)) {
        continue;
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers()) && !k.isSynthetic()) {
          checkExecutable(c.getName() + ".<init>", k, leaks);
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers())
            && !m.isSynthetic()
            && !m.isBridge()
            && !overridesForeign(c, m)) {
          checkExecutable(c.getName() + "." + m.getName(), m, leaks);
        }
      }
    }
    assertThat(leaks).as("public signatures naming other libraries' types").isEmpty();
  }

  @Test
  void theCheckSeesALeak() {
    Set<String> leaks = new TreeSet<>();
    check(
        "example",
        com.fasterxml.jackson.databind.JsonNode.class,
        leaks); // what the admin client's query() returned before
    assertThat(leaks).singleElement().asString().contains("JsonNode");
  }

  private static void checkExecutable(String name, Executable e, Set<String> leaks) {
    for (Type t : e.getGenericParameterTypes()) {
      check(name, t, leaks);
    }
    for (Type t : e.getGenericExceptionTypes()) {
      check(name, t, leaks);
    }
    if (e instanceof Method m) {
      check(name, m.getGenericReturnType(), leaks);
    }
  }

  private static void check(String where, Type type, Set<String> leaks) {
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (!c.isPrimitive() && !allowed(c.getName())) {
        leaks.add(where + " -> " + c.getName());
      }
    } else if (type instanceof ParameterizedType p) {
      check(where, p.getRawType(), leaks);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, leaks);
      }
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(where, b, leaks);
      }
      for (Type b : w.getLowerBounds()) {
        check(where, b, leaks);
      }
    } else if (type instanceof GenericArrayType g) {
      check(where, g.getGenericComponentType(), leaks);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        if (!(b instanceof ParameterizedType p && p.getRawType() == v.getGenericDeclaration())) {
          check(where, b, leaks);
        }
      }
    }
  }

  private static boolean allowed(String name) {
    return ALLOWED.stream().anyMatch(name::startsWith)
        && REFUSED.stream().noneMatch(name::startsWith);
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Public, and nested only in public classes. */
  private static boolean isExported(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  /** A method whose signature a supertype outside the module fixed (e.g. GenericContainer's). */
  private static boolean overridesForeign(Class<?> c, Method m) {
    if (Modifier.isStatic(m.getModifiers())) {
      return false;
    }
    List<Class<?>> supers = new ArrayList<>(List.of(c.getInterfaces()));
    if (c.getSuperclass() != null) {
      supers.add(c.getSuperclass());
    }
    for (int i = 0; i < supers.size(); i++) {
      Class<?> s = supers.get(i);
      if (!s.getName().startsWith(ROOT + ".")) {
        for (Method candidate : s.getDeclaredMethods()) {
          if (candidate.getName().equals(m.getName())
              && candidate.getParameterCount() == m.getParameterCount()
              && !Modifier.isPrivate(candidate.getModifiers())) {
            return true;
          }
        }
      }
      supers.addAll(List.of(s.getInterfaces()));
      if (s.getSuperclass() != null) {
        supers.add(s.getSuperclass());
      }
    }
    return false;
  }

  /** Every class compiled from the module's main sources. */
  private static List<Class<?>> moduleClasses() throws IOException, ClassNotFoundException {
    Path root =
        Path.of(
            SalesforceSimulatorContainer.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
    List<Class<?>> classes = new ArrayList<>();
    Path base = root.resolve(ROOT.replace('.', '/'));
    try (Stream<Path> files = Files.walk(base)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
        classes.add(Class.forName(name, false, PublicApiTest.class.getClassLoader()));
      }
    }
    return classes;
  }
}
