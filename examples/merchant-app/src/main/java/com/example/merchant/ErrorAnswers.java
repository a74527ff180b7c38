package com.example.merchant;

import io.paycron.client.PaycronApiException;
import io.paycron.client.PaycronNetworkException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures of the subscription endpoints into {@code {"error": …}} answers. The callback
 * answers for itself: there, what matters to Paycron is only 2xx (done) or not (deliver again).
 */
@RestControllerAdvice(assignableTypes = SubscriptionController.class)
class ErrorAnswers {

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return answer(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(SubscriptionService.AlreadySubscribed.class)
  ResponseEntity<Map<String, String>> conflict(SubscriptionService.AlreadySubscribed e) {
    return answer(HttpStatus.CONFLICT, e.getMessage());
  }

  /** Paycron refused: the card (card company's reason) or the schedule (e.g. a past time). */
  @ExceptionHandler(PaycronApiException.class)
  ResponseEntity<Map<String, String>> refused(PaycronApiException e) {
    return answer(HttpStatus.UNPROCESSABLE_CONTENT, "Paycron refused: " + e.apiMessage());
  }

  @ExceptionHandler(PaycronNetworkException.class)
  ResponseEntity<Map<String, String>> unreachable(PaycronNetworkException e) {
    return answer(HttpStatus.BAD_GATEWAY, "Paycron did not answer: " + e.getMessage());
  }

  private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }
}
