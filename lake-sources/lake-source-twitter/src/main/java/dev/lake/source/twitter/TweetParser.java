package dev.lake.source.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lake.io.Warnings;
import dev.lake.source.http.RawResponse;
import dev.lake.source.http.RestClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A search page to tweets, joining includes.users (by author_id) and includes.media (by media key). A response
 * holding several pages (a capture that joined them) gives every page's tweets. Errors beside the data (a suspended
 * author of a mention) and a {@code result_count} that differs from the tweets are warnings in the run report; a page
 * of errors only is refused.
 */
final class TweetParser {
  private TweetParser() {}

  /** Every page the response holds (one, or several a capture joined), each page's tweets in order. */
  static List<Tweet> parse(RawResponse raw) {
    List<JsonNode> pages;
    try {
      pages = RestClient.jsonDocuments(raw);
    } catch (RuntimeException e) {
      throw new TwitterException(e.getMessage());
    }
    List<Tweet> out = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      String where = raw.url() + (pages.size() > 1 ? " (page " + (i + 1) + " of " + pages.size() + ")" : "");
      out.addAll(page(pages.get(i), where));
    }
    return out;
  }

  private static List<Tweet> page(JsonNode root, String where) {
    JsonNode data = root.path("data");
    JsonNode errors = root.path("errors");
    if (!data.isArray()) {
      if (errors.isArray() && !errors.isEmpty()) {
        JsonNode e = errors.get(0);
        String param = e.path("parameters").isObject() && e.path("parameters").fieldNames().hasNext()
            ? e.path("parameters").fieldNames().next() : e.path("parameter").asText(null);
        throw new TwitterException("Twitter rejected " + (param == null ? "the request" : "parameter '" + param + "'")
            + ": " + e.path("message").asText(e.path("detail").asText("")) + " (request " + where + ")");
      }
      if (root.at("/meta/result_count").asInt(-1) == 0) {
        return List.of();
      }
      throw new TwitterException("Expected an array at $.data but was " + data.getNodeType() + " in the response to "
          + where);
    }
    if (errors.isArray() && !errors.isEmpty()) {
      Warnings.warn("page errors", errors.size() + " error(s) beside the page's " + data.size() + " tweets, which "
          + "are kept: " + describe(errors.get(0)) + (errors.size() > 1 ? " and " + (errors.size() - 1) + " more"
          : "") + " (" + where + ")");
    }
    JsonNode count = root.at("/meta/result_count");
    if (count.isNumber() && count.asLong() != data.size()) {
      Warnings.warn("count mismatch", "meta.result_count is " + count.asLong() + " but $.data holds " + data.size()
          + " tweets (" + where + ")");
    }
    Map<String, Tweet.User> users = new HashMap<>();
    for (JsonNode u : root.at("/includes/users")) {
      users.put(u.path("id").asText(), new Tweet.User(u.path("id").asText(), text(u, "username"), text(u, "name"),
          u.path("verified").isBoolean() ? u.path("verified").booleanValue() : null,
          integer(u.at("/public_metrics/followers_count")), instant(u.path("created_at"))));
    }
    Map<String, Tweet.Media> media = new HashMap<>();
    for (JsonNode m : root.at("/includes/media")) {
      media.put(m.path("media_key").asText(), new Tweet.Media(m.path("media_key").asText(), text(m, "type"),
          text(m, "url"), text(m, "preview_image_url"), integer(m.path("width")), integer(m.path("height"))));
    }
    List<Tweet> out = new ArrayList<>();
    for (JsonNode t : data) {
      List<String> hashtags = new ArrayList<>();
      t.at("/entities/hashtags").forEach(h -> hashtags.add(h.path("tag").asText()));
      List<String> mentions = new ArrayList<>();
      t.at("/entities/mentions").forEach(h -> mentions.add(h.path("username").asText()));
      List<Tweet.Reference> refs = new ArrayList<>();
      t.path("referenced_tweets").forEach(r -> refs.add(new Tweet.Reference(text(r, "type"), text(r, "id"))));
      List<Tweet.Media> attached = new ArrayList<>();
      t.at("/attachments/media_keys").forEach(k -> {
        Tweet.Media m = media.get(k.asText());
        if (m != null) {
          attached.add(m);
        }
      });
      JsonNode pm = t.path("public_metrics");
      String author = text(t, "author_id");
      out.add(new Tweet(t.path("id").asText(), text(t, "text"), author, instant(t.path("created_at")),
          text(t, "conversation_id"), text(t, "lang"), text(t, "in_reply_to_user_id"),
          integer(pm.path("retweet_count")), integer(pm.path("reply_count")), integer(pm.path("like_count")),
          integer(pm.path("quote_count")), hashtags, mentions, refs, author == null ? null : users.get(author),
          attached));
    }
    return out;
  }

  /** "Forbidden: User has been suspended: [gatewaypundit]. (entities.mentions.username)". */
  private static String describe(JsonNode error) {
    String title = error.path("title").asText(error.path("message").asText("error"));
    String detail = error.path("detail").asText("");
    String parameter = error.path("parameter").asText("");
    return title + (detail.isEmpty() ? "" : ": " + detail) + (parameter.isEmpty() ? "" : " (" + parameter + ")");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode v) {
    return v.isNumber() ? v.intValue() : null;
  }

  private static Instant instant(JsonNode v) {
    return v.isTextual() ? Instant.parse(v.asText()) : null;
  }
}
