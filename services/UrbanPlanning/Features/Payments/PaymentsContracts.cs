namespace CityEServices.UrbanPlanning.Features.Payments;

/// <summary>
/// A bank's confirmation. <c>amountRial</c>: whole rials, the order's amount; <c>bankReference</c>: the
/// bank's reference, unique city-wide; <c>paidAt</c>: when the money moved, ISO 8601 with its offset.
/// </summary>
public sealed record ConfirmPaymentBody(decimal? AmountRial, string? BankReference, string? PaidAt);

/// <summary>A recorded payment: the answer to a confirmation (the same body again on a replay) and a line of a settlement list.</summary>
public sealed record PaymentResponse(
    Guid PaymentId,
    Guid OrderId,
    Guid RequestId,
    decimal AmountRial,
    PaymentChannel Channel,
    string Reference,
    string Payer,
    DualTime PaidAt,
    DualTime RecordedAt,
    string RecordedBy)
{
    public static PaymentResponse From(Payment payment) => new(
        payment.Id,
        payment.OrderId,
        payment.RequestId,
        payment.AmountRial,
        payment.Channel,
        payment.Reference,
        payment.Payer,
        DualTime.From(payment.PaidAt),
        DualTime.From(payment.RecordedAt),
        payment.RecordedBy);
}

public sealed record PaymentOrderResponse(
    Guid OrderId,
    Guid RequestId,
    string FileNumber,
    string ServiceType,
    decimal AmountRial,
    string Sheba,
    PaymentOrderStatus Status,
    DualTime CreatedAt,
    DualTime ExpiresAt,
    PaymentResponse? Payment)
{
    public static PaymentOrderResponse From(PaymentOrder order, string serviceType, Payment? payment, DateTimeOffset now) => new(
        order.Id,
        order.RequestId,
        order.FileNumber,
        serviceType,
        order.AmountRial,
        order.Sheba,
        order.StatusAt(now),
        DualTime.From(order.CreatedAt),
        DualTime.From(order.ExpiresAt),
        payment is null ? null : PaymentResponse.From(payment));
}

/// <summary>One bank's confirmations of the day: how many and how much.</summary>
public sealed record BankSettlement(string Bank, int Count, decimal TotalRial);

/// <summary>
/// A day's bank confirmations (Tehran day, by when this service recorded them): the totals per bank
/// over the whole day, and the confirmations themselves one page at a time (<c>items</c>, <c>page</c>,
/// <c>pageSize</c>, <c>total</c> as every list).
/// </summary>
public sealed record SettlementResponse(
    string Date,
    string DateJalali,
    DualTime From,
    DualTime To,
    IReadOnlyList<BankSettlement> Banks,
    int Count,
    decimal TotalRial,
    IReadOnlyList<PaymentResponse> Items,
    int Page,
    int PageSize,
    int Total);
