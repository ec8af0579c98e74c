package dev.tracker.daemon;

import tools.jackson.core.JacksonException;

/** Names the value a JSON parse failure is about, for errors that tell the user which field. */
public final class JsonPaths {
  private JsonPaths() {}

  /** The JSON path of the value a parse failure is about, such as {@code dependencies[0].kind}. */
  public static String of(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
