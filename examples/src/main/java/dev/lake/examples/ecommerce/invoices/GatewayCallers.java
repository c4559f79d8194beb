package dev.lake.examples.ecommerce.invoices;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@link Caller} of an API Gateway (REST, proxy integration) request, from what its authorizer put under
 * {@code requestContext.authorizer}; API Gateway fills it, a client cannot. Two shapes are read:
 * <ul>
 *   <li>a Cognito user pool (or JWT) authorizer: {@code claims} (or {@code jwt.claims}) with the customer's id in
 *   {@value #CUSTOMER_CLAIM} and the admin scope as membership of {@value Caller#ADMIN_GROUP} in
 *   {@value #GROUPS_CLAIM};</li>
 *   <li>a Lambda authorizer: its context, flat under {@code authorizer}, with the customer's id in
 *   {@value #CONTEXT_CUSTOMER} and the admin scope as {@value Caller#ADMIN_GROUP} in {@value #CONTEXT_GROUPS}
 *   (a comma-separated string: context values are strings, numbers or booleans).</li>
 * </ul>
 * Anything else (no authorizer, a misconfigured one, a claim that is not a customer id, a {@code principalId}
 * alone) is {@link Caller#anonymous()}: the API answers 401.
 *
 * <pre>{@code
 * Caller caller = GatewayCallers.of(event);
 * InvoiceApi.Response r = api.handle(event.getHttpMethod(), event.getPath(), caller);
 * }</pre>
 */
public final class GatewayCallers {
  /** The Cognito claim that holds the authenticated customer's id. */
  public static final String CUSTOMER_CLAIM = "custom:customer_id";
  /** The Cognito claim that lists the user's groups. */
  public static final String GROUPS_CLAIM = "cognito:groups";
  /** The Lambda authorizer context key that holds the customer's id. */
  public static final String CONTEXT_CUSTOMER = "customer_id";
  /** The Lambda authorizer context key that lists the caller's groups, comma-separated. */
  public static final String CONTEXT_GROUPS = "groups";

  private GatewayCallers() {}

  /** The verified caller of {@code event}; anonymous when nothing verified says who it is. */
  public static Caller of(APIGatewayProxyRequestEvent event) {
    if (event == null || event.getRequestContext() == null || event.getRequestContext().getAuthorizer() == null) {
      return Caller.anonymous();
    }
    Map<String, Object> authorizer = event.getRequestContext().getAuthorizer();
    Map<?, ?> claims = claims(authorizer);
    if (claims != null) {
      return caller(claims.get(CUSTOMER_CLAIM), claims.get(GROUPS_CLAIM), claims.get("sub"));
    }
    return caller(authorizer.get(CONTEXT_CUSTOMER), authorizer.get(CONTEXT_GROUPS), authorizer.get("principalId"));
  }

  private static Map<?, ?> claims(Map<String, Object> authorizer) {
    if (authorizer.get("claims") instanceof Map<?, ?> m) {
      return m;
    }
    if (authorizer.get("jwt") instanceof Map<?, ?> jwt && jwt.get("claims") instanceof Map<?, ?> m) {
      return m;
    }
    return null;
  }

  private static Caller caller(Object customer, Object groups, Object subject) {
    if (inAdminGroup(groups)) {
      return Caller.admin(subject == null ? "unnamed" : subject.toString());
    }
    return customer == null ? Caller.anonymous() : Caller.customer(customer.toString());
  }

  /**
   * Whether {@code groups} names the admin group: a list, or text as API Gateway flattens it ({@code "a,b"},
   * {@code "[a b]"}, {@code "[a, b]"}). Only an exact member counts: {@code "invoice-admins-old"} does not.
   */
  static boolean inAdminGroup(Object groups) {
    if (groups instanceof Iterable<?> list) {
      for (Object g : list) {
        if (g != null && Caller.ADMIN_GROUP.equals(g.toString().strip())) {
          return true;
        }
      }
      return false;
    }
    if (groups == null) {
      return false;
    }
    String text = groups.toString().strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    return Arrays.stream(text.split("[,\\s]+")).anyMatch(Caller.ADMIN_GROUP::equals);
  }
}
