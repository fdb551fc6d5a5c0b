namespace CityEServices.UrbanPlanning.Features.Payments;

/// <summary>
/// A payment made on the office counter's POS terminal, recorded by the operator with the terminal's
/// reference (the <c>pay</c> action): it settles the request's payment order like a bank's confirmation,
/// by the same rules (the order's amount, not expired, a reference that never paid anything else).
/// </summary>
public sealed class CounterPayment(UrbanPlanningDbContext db, TimeProvider time)
{
    /// <summary>Stages the payment on the tracked <paramref name="request"/>'s order without saving; the note for the move, or why not.</summary>
    public async Task<Outcome<string>> StageAsync(
        ServiceRequest request, string officeCode, decimal? amountRial, string reference, Caller caller, CancellationToken cancellationToken)
    {
        var order = await db.PaymentOrders.SingleOrDefaultAsync(o => o.RequestId == request.Id, cancellationToken);
        if (order is null)
        {
            return Problem.Conflict(PaymentReasons.NoPaymentOrder, "The request has no payment order.", $"Request {request.Id} has no payment order to pay.");
        }

        var now = time.GetDatabaseNow();
        if (order.RefusePayment(amountRial ?? order.AmountRial, now) is { } refused)
        {
            return refused;
        }

        if (await db.Payments.AnyAsync(p => p.Reference == reference, cancellationToken))
        {
            return ReferenceUsed(reference);
        }

        db.Payments.Add(order.Settle(Guid.CreateVersion7(now), PaymentChannel.Counter, reference, officeCode, now, now, caller.Actor));
        request.RecordPayment(reference);
        return $"Paid at the counter of office {officeCode}: {order.AmountRial:0} rials, POS reference {reference}.";
    }

    public static Problem ReferenceUsed(string reference) =>
        Problem.Conflict(PaymentReasons.ReferenceUsed, "The reference has already been used.",
            $"Reference {reference} already paid a payment order; a bank's or terminal's reference pays once.");
}
