namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>The payment order of the citizen's own request (amount, the municipality's Sheba, expiry), to pay at their bank.</summary>
public sealed class GetMyPaymentOrder(UrbanPlanningDbContext db, TimeProvider time)
{
    public async Task<Outcome<PaymentOrderResponse>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        var mine = await FindMyRequest.HandleAsync(db, requestId, caller, cancellationToken);
        return mine.Succeeded
            ? await GetPaymentOrder.ReadAsync(db, mine.Value, time.GetUtcNow(), cancellationToken)
            : mine.Problem!;
    }
}
