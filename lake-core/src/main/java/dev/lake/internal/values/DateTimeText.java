package dev.lake.internal.values;

/**
 * A hand-written ISO-8601 scanner: {@code yyyy-MM-dd}, then optionally {@code T} or a space, {@code HH:mm[:ss[.f]]}
 * and a zone ({@code Z}, {@code +hh}, {@code +hhmm}, {@code +hh:mm}). {@code DateTimeFormatter} is several times
 * slower and signals a mismatch by throwing, which schema inference would do on every non-date sample.
 */
final class DateTimeText {
  long epochDay;
  int secondOfDay;
  int nanos;
  int offsetSeconds;

  private DateTimeText() {}

  /** The parts of {@code s}, or null when it is not a valid date or date-time. */
  static DateTimeText parse(String s) {
    int n = s.length();
    if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return null;
    }
    DateTimeText t = new DateTimeText();
    t.epochDay = epochDay(year, month, day);
    if (n == 10) {
      return t;
    }
    char sep = s.charAt(10);
    if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || s.charAt(13) != ':') {
      return null;
    }
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = 0;
    int i = 16;
    if (i < n && s.charAt(i) == ':') {
      second = digits(s, 17, 2);
      i = 19;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        i++;
        int start = i;
        int fraction = 0;
        while (i < n && TextValues.isDigit(s.charAt(i))) {
          if (i - start < 9) {
            fraction = fraction * 10 + (s.charAt(i) - '0');
          }
          i++;
        }
        if (i == start) {
          return null;
        }
        for (int k = i - start; k < 9; k++) {
          fraction *= 10;
        }
        t.nanos = fraction;
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || i > n) {
      return null;
    }
    t.secondOfDay = hour * 3600 + minute * 60 + second;
    return i == n || zone(s, i, t) ? t : null;
  }

  private static boolean zone(String s, int i, DateTimeText t) {
    int n = s.length();
    if (s.charAt(i) == ' ' && i + 1 < n) {
      i++;
    }
    char c = s.charAt(i);
    if (c == 'Z' || c == 'z') {
      return i + 1 == n;
    }
    if (c != '+' && c != '-') {
      return false;
    }
    int hours = digits(s, i + 1, 2);
    int minutes = 0;
    int end = i + 3;
    if (end < n) {
      int m = s.charAt(end) == ':' ? end + 1 : end;
      minutes = digits(s, m, 2);
      end = m + 2;
    }
    if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || end != n) {
      return false;
    }
    int offset = hours * 3600 + minutes * 60;
    t.offsetSeconds = c == '-' ? -offset : offset;
    return true;
  }

  /** The number in {@code count} digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!TextValues.isDigit(c)) {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 (the algorithm of {@code LocalDate.toEpochDay}, without the object). */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!((year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)))) {
        total--;
      }
    }
    return total - 719_528;
  }
}
