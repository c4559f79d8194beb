package dev.lake.examples.ecommerce.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every identity shape an authorizer leaves in a REST API event, and what is not an identity. */
class GatewayCallersTest {
  private static APIGatewayProxyRequestEvent event(Map<String, Object> authorizer) {
    APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setAuthorizer(authorizer);
    return new APIGatewayProxyRequestEvent().withRequestContext(context);
  }

  @Test
  void of_noRequestContextOrAuthorizer_anonymous() {
    assertThat(GatewayCallers.of(new APIGatewayProxyRequestEvent()).kind()).isEqualTo(Caller.Kind.ANONYMOUS);
    assertThat(GatewayCallers.of(event(null)).kind()).isEqualTo(Caller.Kind.ANONYMOUS);
    assertThat(GatewayCallers.of(null).kind()).isEqualTo(Caller.Kind.ANONYMOUS);
  }

  @Test
  void of_cognitoClaims_customerOrAdmin() {
    assertThat(GatewayCallers.of(event(Map.of("claims", Map.of("custom:customer_id", "17850")))))
        .isEqualTo(Caller.customer("17850"));
    assertThat(GatewayCallers.of(event(Map.of("claims", Map.of("sub", "s", "custom:customer_id", "17850",
        "cognito:groups", "[buyers invoice-admins]")))).kind()).isEqualTo(Caller.Kind.ADMIN);
  }

  @Test
  void of_jwtClaims_customer() {
    assertThat(GatewayCallers.of(event(Map.of("jwt", Map.of("claims", Map.of("custom:customer_id", "12346"))))))
        .isEqualTo(Caller.customer("12346"));
  }

  @Test
  void of_lambdaAuthorizerContext_customerOrAdmin() {
    assertThat(GatewayCallers.of(event(Map.of("principalId", "u", "customer_id", 17850)))).isEqualTo(
        Caller.customer("17850"));
    assertThat(GatewayCallers.of(event(Map.of("principalId", "ops", "groups", "invoice-admins"))))
        .isEqualTo(Caller.admin("ops"));
  }

  @Test
  void inAdminGroup_onlyAnExactMember() {
    assertThat(GatewayCallers.inAdminGroup(List.of("buyers", "invoice-admins"))).isTrue();
    assertThat(GatewayCallers.inAdminGroup("buyers, invoice-admins")).isTrue();
    assertThat(GatewayCallers.inAdminGroup("invoice-admins-old")).isFalse();
    assertThat(GatewayCallers.inAdminGroup("xinvoice-admins")).isFalse();
    assertThat(GatewayCallers.inAdminGroup(List.of())).isFalse();
  }

  @Test
  void customer_notDigits_anonymous() {
    assertThat(Caller.customer("17850.0").kind()).isEqualTo(Caller.Kind.ANONYMOUS);
    assertThat(Caller.customer("1".repeat(13)).kind()).isEqualTo(Caller.Kind.ANONYMOUS);
    assertThat(Caller.customer(null).kind()).isEqualTo(Caller.Kind.ANONYMOUS);
  }
}
