namespace CityEServices.UrbanPlanning.Features.Payments;

/// <summary>
/// A request's payment order (and the payment that settled it, once there is one): for an operator of
/// the file's office authorised now for the request's service type, a reviewer of its district, an
/// admin, and clients granted <c>payments</c> (banks) or <c>urban-planning.read</c>.
/// </summary>
public sealed class GetPaymentOrder(UrbanPlanningDbContext db, ReadableRequests requests, TimeProvider time)
{
    public static readonly IReadOnlyCollection<string> ClientScopes = [Scopes.Payments, Scopes.UrbanPlanningRead];

    public async Task<Outcome<PaymentOrderResponse>> HandleAsync(Guid requestId, Caller caller, CancellationToken cancellationToken)
    {
        var found = await requests.FindAsync(requestId, caller, ClientScopes, cancellationToken);
        return found.Succeeded ? await ReadAsync(db, found.Value, time.GetUtcNow(), cancellationToken) : found.Problem!;
    }

    /// <summary>The order of a request its reader may see (the caller checked that), with its payment once paid.</summary>
    public static async Task<Outcome<PaymentOrderResponse>> ReadAsync(UrbanPlanningDbContext db, ServiceRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var order = await db.PaymentOrders.AsNoTracking().SingleOrDefaultAsync(o => o.RequestId == request.Id, cancellationToken);
        if (order is null)
        {
            return Problem.NotFound("No payment order.", $"Request {request.Id} has no payment order: its fee has not been assessed (it is {request.Status}).");
        }

        var payment = order.PaymentId is { } paymentId
            ? await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            : null;
        return PaymentOrderResponse.From(order, request.ServiceType, payment, now);
    }
}
