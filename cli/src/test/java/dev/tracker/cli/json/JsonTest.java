package dev.tracker.cli.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

  @Test
  void readsNestedValuesInKeyOrder() {
    JsonObject object =
        Json.parseObject(
            "{\"b\":1,\"a\":[true,false,null,\"x\",{\"c\":-2.5e1}],\"e\":{},\"f\":[]}");

    assertThat(object.keySet()).containsExactly("b", "a", "e", "f");
    assertThat(object.number("b", 0)).isEqualTo(1);
    List<Object> array = object.list("a");
    assertThat(array).containsExactly(true, false, null, "x", new JsonObject().with("c", -25.0));
    assertThat(object.object("e")).isEmpty();
    assertThat(object.list("f")).isEmpty();
  }

  @Test
  void readsEveryEscapeAndJoinsSurrogatePairs() {
    Object value = Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 é\"");

    assertThat(value).isEqualTo("q\" b\\ s/ \b\f\n\r\t é 😀 é");
  }

  @Test
  void numbersKeepTheirKind() {
    assertThat(Json.parse("0")).isEqualTo(0L);
    assertThat(Json.parse("-12")).isEqualTo(-12L);
    assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(Json.parse("1.5")).isEqualTo(1.5);
    assertThat(Json.parse("1E3")).isEqualTo(1000.0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1,}|1|8|expected a string key",
        "[1,]|1|4|expected a value",
        "01|1|2|leading zero",
        "{\"a\":1}x|1|8|after the value",
        "\"abc|1|5|unterminated string",
        "\"a\\x\"|1|3|invalid escape \\x",
        "{\"a\" 1}|1|6|expected ':'",
        "[1 2]|1|4|expected ',' or ']'",
        "{\"a\":1,\"a\":2}|1|8|duplicate key \"a\"",
        "-|1|2|expected a digit after '-'",
        "1.|1|3|expected a digit after the decimal point",
        "tru|1|1|expected a value",
        "@|1|1|unexpected '@'",
      })
  void errorsNameWhatAndWhere(String text, int line, int column, String message) {
    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOfSatisfying(
            JsonException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.column()).isEqualTo(column);
            })
        .hasMessageContaining(message);
  }

  @Test
  void errorPositionsCountLines() {
    assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"b\": nope\n}"))
        .isInstanceOfSatisfying(
            JsonException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(8);
            });
  }

  @Test
  void rawControlCharactersAndEmptyInputAreRefused() {
    assertThatThrownBy(() -> Json.parse("\"a\nb\""))
        .hasMessageContaining("control character U+000A");
    assertThatThrownBy(() -> Json.parse("  ")).hasMessageContaining("unexpected end of input");
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);

    assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nested deeper than 256");
  }

  @Test
  void writesEscapesSoAnyReaderAccepts() {
    String written = Json.write("\"\\\n\r\t\b\f\u0001\u2028 é 😀 \ud800");

    assertThat(written).isEqualTo("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u2028 é 😀 \\ud800\"");
  }

  @Test
  void writingThenReadingGivesTheSameValue() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "line\nnext \"quoted\" 😀");
    value.put("n", 42L);
    value.put("x", 0.25);
    value.put("flag", true);
    value.put("none", null);
    List<Object> list = new ArrayList<>();
    list.add(1L);
    list.add(new JsonObject().with("k", "v"));
    value.put("list", list);

    assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    assertThat(Json.parse(Json.pretty(value))).isEqualTo(value);
  }

  @Test
  void prettyIndentsByTwoSpaces() {
    assertThat(Json.pretty(new JsonObject().with("a", List.of(1L, 2L)).with("b", new JsonObject())))
        .isEqualTo("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {}\n}");
  }

  @Test
  void wholeDoublesAreWrittenWithoutAFraction() {
    assertThat(Json.write(List.of(3.0, 0.5, -1.0))).isEqualTo("[3,0.5,-1]");
    assertThatThrownBy(() -> Json.write(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void typedGettersNameTheFieldOfTheWrongType() {
    JsonObject object = Json.parseObject("{\"a\":\"x\",\"b\":[1]}");

    assertThatThrownBy(() -> object.number("a", 0))
        .hasMessage("field 'a': expected a number, found a string");
    assertThatThrownBy(() -> object.strings("b")).hasMessageContaining("field 'b[]'");
    assertThat(object.string("missing", "fallback")).isEqualTo("fallback");
    assertThatThrownBy(() -> Json.parseObject("[1]"))
        .hasMessageContaining("expected a JSON object");
  }
}
