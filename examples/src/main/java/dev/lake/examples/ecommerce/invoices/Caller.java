package dev.lake.examples.ecommerce.invoices;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who is calling the invoice API, as an authorizer verified it. The API denies by default: an {@link #anonymous()}
 * caller gets 401 on every route; a {@link #customer} sees only their own invoices and history (404 for anything
 * else, exactly as for an invoice that does not exist, so that no answer tells another customer's invoice numbers
 * apart from unused ones); an {@link #admin} (the Cognito group {@value #ADMIN_GROUP}, or a Lambda authorizer's
 * {@code role} of that name) reads every invoice.
 *
 * <pre>{@code
 * InvoiceApi.Response r = api.handle("GET", "/invoices/536365", Caller.customer("17850"));
 * Caller fromGateway = GatewayCallers.of(apiGatewayEvent);   // claims or a Lambda authorizer's context
 * }</pre>
 *
 * @param kind anonymous, customer or admin
 * @param customerId the customer's id (digits) for a customer, else null
 * @param subject who the authorizer says it is ({@code sub}, {@code principalId}), for logs; never null
 */
public record Caller(Kind kind, String customerId, String subject) {
  /** The Cognito group (or Lambda authorizer role) whose members may read every invoice. */
  public static final String ADMIN_GROUP = "invoice-admins";
  /** A customer id: the digits Online Retail uses, at most 12. */
  static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]{1,12}");

  /**
   * What a caller may read.
   *
   * <pre>{@code
   * if (caller.kind() == Caller.Kind.ADMIN) audit(caller.subject());
   * }</pre>
   */
  public enum Kind {
    /** No verified identity: 401 everywhere. */
    ANONYMOUS,
    /** A customer: their own invoices and history only. */
    CUSTOMER,
    /** The admin scope: every invoice and every customer's history. */
    ADMIN
  }

  public Caller {
    Objects.requireNonNull(kind, "kind");
    subject = subject == null ? "" : subject;
    if (kind == Kind.CUSTOMER && (customerId == null || !CUSTOMER_ID.matcher(customerId).matches())) {
      throw new IllegalArgumentException("A customer caller needs a customer id of 1-12 digits");
    }
    if (kind != Kind.CUSTOMER) {
      customerId = null;
    }
  }

  /** No verified identity. */
  public static Caller anonymous() {
    return new Caller(Kind.ANONYMOUS, null, "");
  }

  /** The customer {@code customerId} (digits; anything else is {@link #anonymous()}: it cannot own an invoice). */
  public static Caller customer(String customerId) {
    String id = customerId == null ? "" : customerId.strip();
    return CUSTOMER_ID.matcher(id).matches() ? new Caller(Kind.CUSTOMER, id, "customer:" + id) : anonymous();
  }

  /** A member of the admin scope, named by {@code subject}. */
  public static Caller admin(String subject) {
    return new Caller(Kind.ADMIN, null, subject);
  }

  /** Whether this caller may read what belongs to {@code owner} (null: an invoice without a customer). */
  boolean mayRead(Long owner) {
    return kind == Kind.ADMIN || kind == Kind.CUSTOMER && owner != null && customerId.equals(owner.toString());
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ANONYMOUS -> "anonymous";
      case CUSTOMER -> "customer " + customerId;
      case ADMIN -> "admin " + subject;
    };
  }
}
