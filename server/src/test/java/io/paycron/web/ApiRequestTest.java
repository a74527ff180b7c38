package io.paycron.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paycron.gateway.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ApiRequestTest {

  private static ApiRequest json(String body) {
    return new ApiRequest((ObjectNode) JsonMapper.builder().build().readTree(body));
  }

  private static ApiRequest form(Map<String, String[]> parameters) {
    return new ApiRequest(ApiRequests.fromParameters(parameters));
  }

  @Test
  void readsPhpStyleFormArraysAndNestedObjects() {
    Map<String, String[]> parameters = new LinkedHashMap<>();
    parameters.put("imp_uid[]", new String[] {"a", "b"});
    parameters.put("schedules[0][merchant_uid]", new String[] {"m0"});
    parameters.put("schedules[0][amount]", new String[] {"8900"});
    parameters.put("schedules[1][merchant_uid]", new String[] {"m1"});
    parameters.put("extra[requester]", new String[] {"customer"});
    ApiRequest request = form(parameters);

    assertThat(request.strings("imp_uid")).containsExactly("a", "b");
    assertThat(request.objects("schedules")).hasSize(2);
    assertThat(request.objects("schedules").get(0).requiredString("merchant_uid")).isEqualTo("m0");
    assertThat(request.objects("schedules").get(0).requiredPositiveMoney("amount", Money.KRW))
        .isEqualTo(Money.krw(8900));
    assertThat(request.object("extra").orElseThrow().string("requester")).contains("customer");
  }

  @Test
  void ignoresAbsurdIndexesAndClashingShapesInsteadOfAllocatingOrFailing() {
    Map<String, String[]> parameters = new LinkedHashMap<>();
    parameters.put("a[99999999]", new String[] {"x"});
    parameters.put("b[]", new String[] {"1"});
    parameters.put("b[x]", new String[] {"2"});
    ApiRequest request = form(parameters);
    assertThat(request.strings("b")).containsExactly("1");
    assertThatThrownBy(() -> request.strings("a")).isInstanceOf(ApiException.InvalidRequest.class);
  }

  @Test
  void treatsJsonNullAsAbsent() {
    ApiRequest request = json("{\"name\": null, \"amount\": null}");
    assertThat(request.string("name")).isEmpty();
    assertThat(request.optionalMoney("amount", Money.KRW)).isEmpty();
  }

  @Test
  void refusesWrongTypesNamingTheField() {
    ApiRequest request =
        json(
            "{\"amount\": true, \"merchant_uid\": [{}], \"flag\": \"maybe\", \"n\": \"abc\","
                + " \"big\": 1e400}");
    assertThatThrownBy(() -> request.requiredPositiveMoney("amount", Money.KRW))
        .hasMessage("amount: must be a number");
    assertThatThrownBy(() -> request.string("merchant_uid"))
        .hasMessage("merchant_uid: must be a string");
    assertThatThrownBy(() -> request.bool("flag")).hasMessage("flag: must be true or false");
    assertThatThrownBy(() -> request.integer("n")).hasMessage("n: must be a number");
    assertThatThrownBy(() -> request.decimal("big")).hasMessage("big: is too large");
  }

  @Test
  void acceptsNumbersAsFormTextAndDecimalZerosForWon() {
    ApiRequest request = json("{\"amount\": \"8900\", \"other\": 8900.0, \"usd\": 10.5}");
    assertThat(request.requiredPositiveMoney("amount", Money.KRW)).isEqualTo(Money.krw(8900));
    assertThat(request.requiredPositiveMoney("other", Money.KRW)).isEqualTo(Money.krw(8900));
    assertThat(
            request
                .requiredPositiveMoney("usd", java.util.Currency.getInstance("USD"))
                .minorUnits())
        .isEqualTo(1050);
  }

  @Test
  void refusesZeroNegativeAndFractionalWon() {
    ApiRequest request = json("{\"zero\": 0, \"negative\": -5, \"fraction\": 100.5}");
    assertThatThrownBy(() -> request.requiredPositiveMoney("zero", Money.KRW))
        .hasMessage("zero: must be greater than 0");
    assertThatThrownBy(() -> request.requiredPositiveMoney("negative", Money.KRW))
        .hasMessage("negative: must not be negative");
    assertThatThrownBy(() -> request.requiredPositiveMoney("fraction", Money.KRW))
        .hasMessageContaining("decimals");
  }

  @Test
  void keepsCustomDataObjectsAsJsonText() {
    ApiRequest request = json("{\"custom_data\": {\"a\": [1, 2]}}");
    assertThat(request.stringOrJson("custom_data")).contains("{\"a\":[1,2]}");
  }
}
