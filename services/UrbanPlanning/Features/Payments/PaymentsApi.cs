namespace CityEServices.UrbanPlanning.Features.Payments;

/// <summary>
/// Payment orders and the banks' confirmations of them. The gateway routes <c>/api/payments/**</c> here;
/// a request's order lives under the request.
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/urban-planning/requests/{requestId:guid}/payment-order", GetOrderAsync)
            .RequireScope(Scopes.Payments, Scopes.UrbanPlanningRead)
            .WithName("GetPaymentOrder").WithTags("Payments")
            .WithSummary("The request's payment order: amount in rials, the municipality's Sheba, expiry, status, and the payment once there is one.");
        var payments = app.MapGroup("/api/payments").WithTags("Payments");
        payments.MapPost("/{orderId:guid}/confirmations", ConfirmAsync)
            .RequireScope(Scopes.Payments)
            .WithName("ConfirmPayment")
            .WithSummary("The payer's bank confirms a payment order (201); the same reference, order and amount again answers the first confirmation (200).");
        payments.MapGet("/settlements", SettlementsAsync)
            .RequireScope(Scopes.Payments)
            .WithName("GetSettlements")
            .WithSummary("A Tehran day's bank confirmations (date: Solar Hijri or ISO), totals per bank; a bank sees only its own.");
        return app;
    }

    public static async Task<Results<Ok<PaymentOrderResponse>, ProblemHttpResult>> GetOrderAsync(
        Guid requestId, Caller caller, GetPaymentOrder getOrder, CancellationToken cancellationToken) =>
        (await getOrder.HandleAsync(requestId, caller, cancellationToken)).ToOk();

    public static async Task<Results<Created<PaymentResponse>, Ok<PaymentResponse>, ProblemHttpResult>> ConfirmAsync(
        Guid orderId, ConfirmPaymentBody body, Caller caller, ConfirmPayment confirm, CancellationToken cancellationToken)
    {
        var outcome = await confirm.HandleAsync(orderId, body, caller, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!.ToResult();
        }

        var payment = outcome.Value.Payment;
        return outcome.Value.Replayed
            ? TypedResults.Ok(payment)
            : TypedResults.Created($"/api/urban-planning/requests/{payment.RequestId}/payment-order", payment);
    }

    public static async Task<Results<Ok<SettlementResponse>, ProblemHttpResult>> SettlementsAsync(
        string? date, string? page, string? pageSize, Caller caller, GetSettlements settlements, CancellationToken cancellationToken) =>
        (await settlements.HandleAsync(date, page, pageSize, caller, cancellationToken)).ToOk();
}
