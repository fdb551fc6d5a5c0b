namespace CityEServices.UrbanPlanning.Domain.Payments;

/// <summary>Where a payment order stands. <see cref="Expired"/> is never stored: it is what an unpaid order becomes when its time runs out.</summary>
public enum PaymentOrderStatus
{
    Pending,
    Paid,
    Expired,
}

/// <summary>
/// فیش پرداخت: what the citizen owes for one fee-assessed request, payable into the municipality's
/// account until it expires. Created with the assessment, in the same transaction; paid once, by the
/// payer's bank confirming it or at the office's counter (POS), never on anyone's word alone.
/// </summary>
public sealed class PaymentOrder
{
    private PaymentOrder()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public string FileNumber { get; private set; } = null!;

    /// <summary>Whole rials: the assessed fee.</summary>
    public decimal AmountRial { get; private set; }

    /// <summary>The municipality's account the money goes to (canonical Sheba).</summary>
    public string Sheba { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who assessed the fee, as an id (<c>user:…</c>).</summary>
    public string CreatedBy { get; private set; } = null!;

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When the payment that settled it was recorded; null while unpaid.</summary>
    public DateTimeOffset? PaidAt { get; private set; }

    public Guid? PaymentId { get; private set; }

    public static PaymentOrder Open(Guid id, Guid requestId, string fileNumber, decimal amountRial, string sheba, DateTimeOffset at, TimeSpan validity, string actor) => new()
    {
        Id = id,
        RequestId = requestId,
        FileNumber = fileNumber,
        AmountRial = amountRial,
        Sheba = sheba,
        CreatedAt = at,
        CreatedBy = actor,
        ExpiresAt = at + validity,
    };

    public PaymentOrderStatus StatusAt(DateTimeOffset now) =>
        PaidAt is not null ? PaymentOrderStatus.Paid
        : now > ExpiresAt ? PaymentOrderStatus.Expired
        : PaymentOrderStatus.Pending;

    /// <summary>
    /// Null when a payment of <paramref name="amountRial"/> may settle this order now; else why not:
    /// a different amount (422 <c>AmountMismatch</c>), already paid or expired (409).
    /// </summary>
    public Problem? RefusePayment(decimal amountRial, DateTimeOffset now)
    {
        if (amountRial != AmountRial)
        {
            return Problem.Unprocessable(PaymentReasons.AmountMismatch, "The amount is not the order's amount.",
                $"Payment order {Id} is for {AmountRial:0} rials; partial or excess payments are not accepted.").With("amountRial", AmountRial);
        }

        return StatusAt(now) switch
        {
            PaymentOrderStatus.Paid => Problem.Conflict(PaymentReasons.OrderAlreadyPaid, "The payment order is already paid.", $"Payment order {Id} was paid at {PaidAt:O}."),
            PaymentOrderStatus.Expired => Problem.Conflict(PaymentReasons.OrderExpired, "The payment order has expired.", $"Payment order {Id} expired at {ExpiresAt:O}."),
            _ => null,
        };
    }

    /// <summary>Settles the order with a payment the caller checked with <see cref="RefusePayment"/>; the payment row to store.</summary>
    public Payment Settle(Guid paymentId, PaymentChannel channel, string reference, string payer, DateTimeOffset paidAt, DateTimeOffset recordedAt, string actor)
    {
        if (PaidAt is not null)
        {
            throw new InvalidOperationException($"Payment order {Id} is already paid.");
        }

        var payment = new Payment(paymentId, Id, RequestId, AmountRial, reference, channel, payer, paidAt, recordedAt, actor);
        PaidAt = payment.RecordedAt;
        PaymentId = paymentId;
        return payment;
    }
}
