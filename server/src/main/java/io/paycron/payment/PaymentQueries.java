package io.paycron.payment;

import io.paycron.merchant.Merchant;
import io.paycron.web.ApiException;
import io.paycron.web.PageRequest;
import io.paycron.web.Paged;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Reads payments for the V1 lookup endpoints; every query is scoped to the merchant. */
@Service
public class PaymentQueries {

  static final String NOT_FOUND = "존재하지 않는 결제정보입니다.";

  private final PaymentRepository payments;
  private final RefundRepository refunds;
  private final PaymentListRepository lists;

  PaymentQueries(
      PaymentRepository payments, RefundRepository refunds, PaymentListRepository lists) {
    this.payments = payments;
    this.refunds = refunds;
    this.lists = lists;
  }

  /** The V1 Payment object of one payment (404 when it is not this merchant's). */
  public PaymentResponse response(Merchant merchant, String impUid) {
    return PaymentResponse.of(get(merchant, impUid));
  }

  PaymentView get(Merchant merchant, String impUid) {
    return payments
        .find(merchant.id(), impUid)
        .map(p -> withCancellations(merchant, List.of(p)).get(0))
        .orElseThrow(PaymentQueries::notFound);
  }

  List<PaymentView> getMany(
      Merchant merchant, Collection<String> impUids, Collection<String> merchantUids) {
    List<Payment> found = new java.util.ArrayList<>();
    if (!impUids.isEmpty()) {
      found.addAll(payments.findAll(merchant.id(), impUids));
    }
    for (String merchantUid : merchantUids) {
      newest(merchant, merchantUid, null, PaymentSort.STARTED_DESC).ifPresent(found::add);
    }
    return withCancellations(merchant, found);
  }

  Optional<Payment> newest(
      Merchant merchant, String merchantUid, PaymentStatus status, PaymentSort sort) {
    return lists.findByMerchantUid(merchant.id(), merchantUid, status, sort, 1, 0).stream()
        .findFirst();
  }

  PaymentView find(Merchant merchant, String merchantUid, PaymentStatus status, PaymentSort sort) {
    return newest(merchant, merchantUid, status, sort)
        .map(p -> withCancellations(merchant, List.of(p)).get(0))
        .orElseThrow(PaymentQueries::notFound);
  }

  Paged<PaymentView> findAll(
      Merchant merchant,
      String merchantUid,
      PaymentStatus status,
      PaymentSort sort,
      PageRequest page) {
    long total = lists.countByMerchantUid(merchant.id(), merchantUid, status);
    List<Payment> list =
        lists.findByMerchantUid(
            merchant.id(), merchantUid, status, sort, page.limit(), page.offset());
    if (total == 0) {
      throw notFound();
    }
    return Paged.of(total, page.page(), page.limit(), withCancellations(merchant, list));
  }

  Paged<PaymentView> byStatus(
      Merchant merchant,
      PaymentStatus status,
      long from,
      long to,
      PaymentSort sort,
      PageRequest page) {
    long total = lists.countByStatus(merchant.id(), status, from, to);
    List<Payment> list =
        lists.findByStatus(merchant.id(), status, from, to, sort, page.limit(), page.offset());
    return Paged.of(total, page.page(), page.limit(), withCancellations(merchant, list));
  }

  Paged<PaymentView> byCustomer(Merchant merchant, String customerUid, PageRequest page) {
    long total = lists.countByCustomer(merchant.id(), customerUid);
    List<Payment> list =
        lists.findByCustomer(merchant.id(), customerUid, page.limit(), page.offset());
    return Paged.of(total, page.page(), page.limit(), withCancellations(merchant, list));
  }

  private List<PaymentView> withCancellations(Merchant merchant, List<Payment> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    Map<String, List<Cancellation>> byPayment =
        refunds
            .findCancellations(merchant.id(), list.stream().map(Payment::impUid).toList())
            .stream()
            .collect(Collectors.groupingBy(Cancellation::impUid));
    return list.stream()
        .map(p -> new PaymentView(p, byPayment.getOrDefault(p.impUid(), List.of())))
        .toList();
  }

  static ApiException.NotFound notFound() {
    return new ApiException.NotFound(NOT_FOUND);
  }
}
