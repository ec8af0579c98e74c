package dev.tracker.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the fuzz saw: requests and answers by kind, and every request that broke a rule, kept with
 * the answer it got so that a failure message can show both.
 */
final class FuzzTally {
  private static final int SHOWN = 15;
  private static final Pattern STACK_TRACE =
      Pattern.compile("\\tat |Caused by:|\\.java:\\d|Exception\\b|org\\.eclipse\\.jetty\\.");

  private final Map<String, Map<String, Integer>> byKind = new TreeMap<>();
  private final Map<String, Long> nanosByKind = new TreeMap<>();
  private final Map<String, Integer> byOutcome = new TreeMap<>();
  private final Map<String, Integer> errorMediaTypes = new TreeMap<>();
  private final Map<String, List<String>> offences = new TreeMap<>();
  private int requests;

  /** Records one request's outcome under its kind, and any rule it broke. */
  void record(RawRequest request, RawUnixHttp.Outcome outcome, long nanos) {
    requests++;
    nanosByKind.merge(request.kind(), nanos, Long::sum);
    String label = label(outcome);
    byKind.computeIfAbsent(request.kind(), k -> new TreeMap<>()).merge(label, 1, Integer::sum);
    byOutcome.merge(label, 1, Integer::sum);
    if (outcome instanceof RawUnixHttp.Outcome.Answered answered) {
      check(request, answered.response());
    } else if (outcome instanceof RawUnixHttp.Outcome.Hung hung) {
      offend("no answer within " + hung.millis() + " ms (hang)", request, "");
    } else if (outcome instanceof RawUnixHttp.Outcome.Garbled garbled) {
      offend("an answer that is not HTTP", request, garbled.why());
    }
  }

  private void check(RawRequest request, WireResponse response) {
    if (response.status() >= 500) {
      offend("5xx", request, response.status() + " " + excerpt(response));
    }
    if (response.status() >= 400) {
      errorMediaTypes.merge(response.status() + " " + response.mediaType(), 1, Integer::sum);
      if (!request.headRequest() && !response.mediaType().equals("application/problem+json")) {
        offend(
            "an error that is not a problem document",
            request,
            response.status() + " " + excerpt(response));
      }
    }
    if (response.header("x-request-id") == null) {
      offend(
          "an answer without X-Request-Id", request, response.status() + " " + excerpt(response));
    }
    if (STACK_TRACE.matcher(response.text()).find()) {
      offend("internals (a stack trace or class name) in the answer", request, excerpt(response));
    }
  }

  void offend(String rule, RawRequest request, String answer) {
    offences
        .computeIfAbsent(rule, k -> new ArrayList<>())
        .add(request.describe() + (answer.isEmpty() ? "" : "\n      -> " + answer));
  }

  int requests() {
    return requests;
  }

  /** Every broken rule with up to {@value #SHOWN} of its requests; empty when none was broken. */
  String offencesReport() {
    StringBuilder out = new StringBuilder();
    offences.forEach(
        (rule, requests) -> {
          out.append(rule).append(": ").append(requests.size()).append(" request(s)\n");
          requests.stream().limit(SHOWN).forEach(r -> out.append("    ").append(r).append('\n'));
        });
    return out.toString();
  }

  String figures() {
    StringBuilder out = new StringBuilder();
    out.append("requests: ").append(requests).append('\n');
    out.append("outcomes: ").append(byOutcome).append('\n');
    out.append("error answers by media type: ").append(errorMediaTypes).append('\n');
    byKind.forEach(
        (kind, outcomes) -> {
          int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
          long millis = nanosByKind.getOrDefault(kind, 0L) / 1_000_000;
          out.append(String.format("  %-34s %5d %6d ms  %s%n", kind, total, millis, outcomes));
        });
    return out.toString();
  }

  static String label(RawUnixHttp.Outcome outcome) {
    if (outcome instanceof RawUnixHttp.Outcome.Answered answered) {
      return String.valueOf(answered.response().status());
    }
    if (outcome instanceof RawUnixHttp.Outcome.NoAnswer) {
      return "closed";
    }
    if (outcome instanceof RawUnixHttp.Outcome.Garbled) {
      return "garbled";
    }
    return outcome instanceof RawUnixHttp.Outcome.Hung ? "hung" : "cut";
  }

  private static String excerpt(WireResponse response) {
    return RawRequest.printable(response.body(), 300);
  }
}
