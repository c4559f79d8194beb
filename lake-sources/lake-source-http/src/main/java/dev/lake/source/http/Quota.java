package dev.lake.source.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * A request budget: a daily allowance and a per-window limit (per minute by default), both corrected from the rate-limit
 * headers of every response. Thread-safe; one instance is shared by everything that spends the same API key.
 *
 * <pre>{@code
 * Quota free = Quota.builder()
 *     .daily(100).dailyRemainingHeader("x-ratelimit-requests-remaining")    // API-Football free tier
 *     .perMinute(10).windowRemainingHeader("x-ratelimit-remaining")
 *     .build();
 * Quota twitter = Quota.builder().perWindow(450, Duration.ofMinutes(15))
 *     .windowRemainingHeader("x-rate-limit-remaining").windowResetHeader("x-rate-limit-reset").build();
 * }</pre>
 */
public final class Quota {
  private final long daily;
  private final int perWindow;
  private final Duration window;
  private final String dailyHeader;
  private final String windowHeader;
  private final String resetHeader;

  private long dailyLeft;
  private LocalDate day;
  private final Deque<Instant> recent = new ArrayDeque<>();
  private Instant blockedUntil = Instant.MIN;

  private Quota(Builder b) {
    this.daily = b.daily;
    this.perWindow = b.perWindow;
    this.window = b.window;
    this.dailyHeader = b.dailyHeader;
    this.windowHeader = b.windowHeader;
    this.resetHeader = b.resetHeader;
    this.dailyLeft = b.daily;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** No limits (headers are still read). */
  public static Quota unlimited() {
    return builder().build();
  }

  /**
   * Takes one request from the budget, or says how long to wait first. Returns {@link Duration#ZERO} when the
   * request may go now (and counts it).
   *
   * @throws QuotaExhaustedException when the daily budget is spent
   */
  public synchronized Duration acquire(Clock clock) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (day != null && !today.equals(day)) {
      dailyLeft = daily;
    }
    day = today;
    if (dailyLeft <= 0) {
      throw new QuotaExhaustedException("The daily request budget is spent (" + daily
          + " a day): the run stops here and resumes from its saved cursor after midnight UTC");
    }
    if (now.isBefore(blockedUntil)) {
      return Duration.between(now, blockedUntil);
    }
    while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
      recent.removeFirst();
    }
    if (perWindow != Integer.MAX_VALUE && recent.size() >= perWindow) {
      return Duration.between(now, recent.peekFirst().plus(window));
    }
    recent.addLast(now);
    if (dailyLeft != Long.MAX_VALUE) {
      dailyLeft--;
    }
    return Duration.ZERO;
  }

  /** Corrects the budget from a response's headers (lower-case names). */
  public synchronized void update(Map<String, String> headers, Clock clock) {
    Long d = number(headers.get(dailyHeader));
    if (d != null) {
      dailyLeft = Math.min(dailyLeft, d);
    }
    Long w = number(headers.get(windowHeader));
    if (w != null && w <= 0) {
      Long reset = number(headers.get(resetHeader));
      Instant now = clock.instant();
      // Twitter sends the window's reset as epoch seconds; without it, wait for the window to roll.
      Instant until = reset != null ? Instant.ofEpochSecond(reset) : now.plus(window);
      if (until.isAfter(blockedUntil)) {
        blockedUntil = until;
      }
    }
  }

  /** Requests left today by this budget's count, or {@link Long#MAX_VALUE} without a daily limit. */
  public synchronized long dailyRemaining() {
    return dailyLeft;
  }

  private static Long number(String v) {
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public synchronized String toString() {
    return "Quota(daily " + (daily == Long.MAX_VALUE ? "unlimited" : dailyLeft + "/" + daily) + ", "
        + (perWindow == Integer.MAX_VALUE ? "no window" : perWindow + " per " + window) + ")";
  }

  /**
   * Builds a {@link Quota}.
   *
   * <pre>{@code
   * Quota q = Quota.builder().daily(100).perMinute(10).build();
   * }</pre>
   */
  public static final class Builder {
    private long daily = Long.MAX_VALUE;
    private int perWindow = Integer.MAX_VALUE;
    private Duration window = Duration.ofMinutes(1);
    private String dailyHeader = "x-ratelimit-requests-remaining";
    private String windowHeader = "x-ratelimit-remaining";
    private String resetHeader = "x-rate-limit-reset";

    private Builder() {}

    public Builder daily(long requests) {
      dev.lake.exceptions.ValidationException.check(requests >= 0, "Invalid daily budget: %s", requests);
      this.daily = requests;
      return this;
    }

    public Builder perMinute(int requests) {
      return perWindow(requests, Duration.ofMinutes(1));
    }

    public Builder perWindow(int requests, Duration length) {
      dev.lake.exceptions.ValidationException.check(requests > 0, "Invalid window limit: %s", requests);
      this.perWindow = requests;
      this.window = length;
      return this;
    }

    /** The header with the requests left today (default {@code x-ratelimit-requests-remaining}). */
    public Builder dailyRemainingHeader(String name) {
      this.dailyHeader = name.toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /** The header with the requests left in the window (default {@code x-ratelimit-remaining}). */
    public Builder windowRemainingHeader(String name) {
      this.windowHeader = name.toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /** The header with the window's reset time in epoch seconds (default {@code x-rate-limit-reset}). */
    public Builder windowResetHeader(String name) {
      this.resetHeader = name.toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    public Quota build() {
      return new Quota(this);
    }
  }
}
