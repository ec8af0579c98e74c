package dev.tracker.it.reliability;

import java.nio.charset.StandardCharsets;

/**
 * One request as the bytes that go on the wire, and how they go.
 *
 * @param kind what the generator did to make it, for the figures
 * @param write true unless the method is one that reads (a 2xx then changes nothing)
 * @param reusable the request is framed exactly as HTTP/1.1 requires, so the connection may carry
 *     the next one after the answer; otherwise it is sent on a fresh connection, closed after
 * @param cutAt for {@link Delivery#CUT_AND_CLOSE} and {@link Delivery#CUT_AND_HALF_CLOSE}: how many
 *     bytes are sent before the client stops
 */
record RawRequest(
    String kind,
    byte[] bytes,
    Delivery delivery,
    boolean write,
    boolean reusable,
    boolean headRequest,
    int cutAt) {

  enum Delivery {
    /** All bytes at once. */
    WHOLE,
    /** All bytes, in a few pieces with short pauses between them. */
    TRICKLE,
    /** A prefix, then the connection is closed without waiting for an answer. */
    CUT_AND_CLOSE,
    /** A prefix, then the sending side is shut: the daemon sees the end of the stream. */
    CUT_AND_HALF_CLOSE
  }

  static RawRequest whole(String kind, byte[] bytes, boolean write, boolean reusable) {
    return new RawRequest(kind, bytes, Delivery.WHOLE, write, reusable, false, bytes.length);
  }

  RawRequest delivered(Delivery how, int cut) {
    boolean keep = reusable && how == Delivery.TRICKLE;
    return new RawRequest(kind, bytes, how, write, keep, headRequest, cut);
  }

  RawRequest renamed(String newKind) {
    return new RawRequest(newKind, bytes, delivery, write, reusable, headRequest, cutAt);
  }

  RawRequest asHead() {
    return new RawRequest(kind, bytes, delivery, write, reusable, true, cutAt);
  }

  /** The request line and a printable excerpt of the rest, for failure messages. */
  String describe() {
    StringBuilder out = new StringBuilder();
    out.append('[').append(kind).append(", ").append(delivery);
    if (delivery == Delivery.CUT_AND_CLOSE || delivery == Delivery.CUT_AND_HALF_CLOSE) {
      out.append(" after ").append(cutAt).append(" of ").append(bytes.length).append(" bytes");
    } else {
      out.append(", ").append(bytes.length).append(" bytes");
    }
    out.append("] ");
    out.append(printable(bytes, 400));
    return out.toString();
  }

  static String printable(byte[] bytes, int max) {
    StringBuilder out = new StringBuilder();
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < text.length() && out.length() < max; i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append("\\r");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < 0x20 || c >= 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() >= max) {
      out.append("...");
    }
    return out.toString();
  }
}
