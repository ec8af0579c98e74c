package dev.tracker.cli.edit;

/**
 * The text an editor shows for an issue, as {@code git commit} does for a message: the title on the
 * first line, a blank line, then the description. Everything from the scissors line down is
 * ignored, so Markdown headings ({@code # ...}) in a description survive.
 */
public final class IssueTemplate {
  public static final String SCISSORS = "# ------------------------ >8 ------------------------";

  private IssueTemplate() {}

  /** What the editor edits; {@code heading} says what is being written (new issue, or its id). */
  public static String render(String title, String description, String heading) {
    StringBuilder text = new StringBuilder();
    text.append(title == null ? "" : title).append('\n').append('\n');
    if (description != null && !description.isEmpty()) {
      text.append(description);
      if (!description.endsWith("\n")) {
        text.append('\n');
      }
    }
    text.append('\n')
        .append(SCISSORS)
        .append('\n')
        .append("# ")
        .append(heading)
        .append('\n')
        .append("# Do not modify or remove the line above; everything below it is ignored.\n")
        .append("# The first line is the title; after a blank line comes the description\n")
        .append("# (Markdown). An empty title aborts and changes nothing.\n");
    return text.toString();
  }

  /** The edited title and description; null title when the result is empty (abort). */
  public record Edited(String title, String description) {}

  public static Edited parse(String text) {
    String body = text.replace("\r\n", "\n");
    int scissors = body.indexOf(SCISSORS);
    if (scissors >= 0) {
      body = body.substring(0, scissors);
    }
    String[] lines = body.split("\n", -1);
    int first = 0;
    while (first < lines.length && lines[first].isBlank()) {
      first++;
    }
    if (first == lines.length) {
      return new Edited(null, null);
    }
    String title = lines[first].strip();
    StringBuilder description = new StringBuilder();
    for (int i = first + 1; i < lines.length; i++) {
      description.append(lines[i].stripTrailing()).append('\n');
    }
    return new Edited(title, description.toString().strip());
  }
}
