namespace CityEServices.UrbanPlanning.Domain.Payments;

/// <summary>How the money came in.</summary>
public enum PaymentChannel
{
    /// <summary>The payer's bank confirmed it (a client with the <c>payments</c> scope).</summary>
    Bank,

    /// <summary>Paid at the office's counter on a POS terminal, recorded by the operator.</summary>
    Counter,
}

/// <summary>
/// One payment that settled one order: the bank's or the terminal's reference (unique across the
/// city, whichever channel), who paid through which channel, and who recorded it.
/// </summary>
public sealed class Payment(
    Guid id,
    Guid orderId,
    Guid requestId,
    decimal amountRial,
    string reference,
    PaymentChannel channel,
    string payer,
    DateTimeOffset paidAt,
    DateTimeOffset recordedAt,
    string recordedBy)
{
    public Guid Id { get; private set; } = id;

    public Guid OrderId { get; private set; } = orderId;

    public Guid RequestId { get; private set; } = requestId;

    public decimal AmountRial { get; private set; } = amountRial;

    /// <summary>The bank's reference or the POS terminal's, canonical (see <see cref="PaymentRules.NormalizeReference"/>).</summary>
    public string Reference { get; private set; } = reference;

    public PaymentChannel Channel { get; private set; } = channel;

    /// <summary>The bank's client id, or the office code for a counter payment.</summary>
    public string Payer { get; private set; } = payer;

    /// <summary>When the money moved, as the bank states it (the counter: when it was recorded).</summary>
    public DateTimeOffset PaidAt { get; private set; } = ToStoredPrecision(paidAt);

    /// <summary>When this service recorded it: the city's own clock, which settlements are counted by.</summary>
    public DateTimeOffset RecordedAt { get; private set; } = ToStoredPrecision(recordedAt);

    /// <summary>
    /// PostgreSQL keeps microseconds: the first answer must show the instant exactly as a replay, which
    /// reads it back from the database, will (a bank compares the two byte for byte).
    /// </summary>
    private static DateTimeOffset ToStoredPrecision(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % 10), instant.Offset);

    /// <summary>Who recorded it, as an id (<c>client:…</c> for a bank, <c>user:…</c> for an operator).</summary>
    public string RecordedBy { get; private set; } = recordedBy;
}
