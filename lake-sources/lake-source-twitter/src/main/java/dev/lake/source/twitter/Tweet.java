package dev.lake.source.twitter;

import java.time.Instant;
import java.util.List;

/**
 * A tweet from v2 recent search, with the {@code includes} of its page joined in: its author and its media.
 *
 * <pre>{@code
 * // given: RawResponse raw
 * for (Tweet t : RecentSearch.tweets(raw)) {
 *   System.out.println(t.author().username() + ": " + t.text() + " " + t.hashtags());
 * }
 * }</pre>
 *
 * @param id the tweet id (a decimal string: ids exceed what a double holds exactly)
 * @param text the text
 * @param authorId the author's id
 * @param createdAt when it was posted, or null when the field was not requested
 * @param conversationId the conversation, or null
 * @param lang the detected language, or null
 * @param inReplyToUserId the user replied to, or null
 * @param retweetCount public metrics, null when not requested
 * @param replyCount replies
 * @param likeCount likes
 * @param quoteCount quotes
 * @param hashtags the hashtags without '#'
 * @param mentions the usernames mentioned
 * @param referenced the tweets this one retweets, quotes or replies to
 * @param author the author from {@code includes.users}, or null when not expanded
 * @param media the media from {@code includes.media}, in attachment order
 */
public record Tweet(String id, String text, String authorId, Instant createdAt, String conversationId, String lang,
    String inReplyToUserId, Integer retweetCount, Integer replyCount, Integer likeCount, Integer quoteCount,
    List<String> hashtags, List<String> mentions, List<Reference> referenced, User author, List<Media> media) {

  /** A referenced tweet: {@code type} is retweeted, quoted or replied_to. */
  public record Reference(String type, String id) {}

  /** A user from {@code includes.users}. */
  public record User(String id, String username, String name, Boolean verified, Integer followersCount,
      Instant createdAt) {}

  /** A media item from {@code includes.media}: photo, video or animated_gif. */
  public record Media(String mediaKey, String type, String url, String previewImageUrl, Integer width,
      Integer height) {}
}
