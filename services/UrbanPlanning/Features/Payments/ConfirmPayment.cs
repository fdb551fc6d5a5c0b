namespace CityEServices.UrbanPlanning.Features.Payments;

/// <summary>A confirmation's answer: the payment, and whether it was recorded now (201) or earlier by the same confirmation (200).</summary>
public sealed record Confirmation(PaymentResponse Payment, bool Replayed);

/// <summary>
/// The payer's bank (a client granted <c>payments</c>) confirms a payment order: the order's amount, a
/// reference no payment used before, while the order is unpaid and unexpired. The payment, the order
/// settled, the request moved FeeAssessed → Paid (by <c>client:&lt;bank&gt;</c>) and its
/// <c>ServiceRequestStatusChanged</c> commit together. The order's row is locked for the transaction, so
/// of two confirmations racing for one order exactly one pays and the other sees it paid (or, with the
/// same reference, amount and bank, gets the first answer again).
/// </summary>
public sealed class ConfirmPayment(UrbanPlanningDbContext db, RequestWriter writer, TimeProvider time)
{
    public async Task<Outcome<Confirmation>> HandleAsync(Guid orderId, ConfirmPaymentBody body, Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsClient)
        {
            return Problem.Forbidden(DenialReasons.RoleNotAllowed,
                "Only the payer's bank (a client granted payments) confirms a payment; an office records a counter payment with the pay action.");
        }

        if (!caller.HasScope(Scopes.Payments))
        {
            return Problem.Forbidden(ScopeExtensions.InsufficientScope, "Confirming a payment needs the scope payments.");
        }

        var validated = PaymentRules.ValidateConfirmation(body.AmountRial, body.BankReference, body.PaidAt, time.GetUtcNow());
        if (validated.Value is not { } valid)
        {
            return Problem.Invalid(validated.Errors);
        }

        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(ct => ConfirmAsync(orderId, valid, caller, ct), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(PaymentMapping.PaymentReferenceIndex))
        {
            // The same reference committed for another order in the meantime (this order's lock does not cover that one).
            return CounterPayment.ReferenceUsed(valid.Reference);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            // A counter payment of the same order committed first.
            return Problem.Conflict(PaymentReasons.OrderAlreadyPaid, "The payment order is already paid.", $"Payment order {orderId} was paid in the meantime.");
        }
    }

    private async Task<Outcome<Confirmation>> ConfirmAsync(Guid orderId, ValidConfirmation confirmation, Caller caller, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.PaymentOrders.FromSql($"SELECT * FROM payment_orders WHERE id = {orderId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return Problem.NotFound("Payment order not found.", $"There is no payment order {orderId}.");
        }

        var used = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == confirmation.Reference, cancellationToken);
        if (used is not null && (used.OrderId != order.Id || used.Payer != caller.Id))
        {
            return CounterPayment.ReferenceUsed(confirmation.Reference);
        }

        if (used is not null && used.AmountRial == confirmation.AmountRial)
        {
            // The bank asking again (a lost answer, a retry): the first answer, not a second payment.
            return new Confirmation(PaymentResponse.From(used), Replayed: true);
        }

        var now = time.GetDatabaseNow();
        if (order.RefusePayment(confirmation.AmountRial, now) is { } refused)
        {
            return refused;
        }

        if (await db.FindRequestAsync(order.RequestId, forUpdate: true, cancellationToken) is not (var request, var file))
        {
            throw new InvalidOperationException($"Payment order {order.Id} names request {order.RequestId}, which does not exist.");
        }

        if (request.Status != RequestStatus.FeeAssessed)
        {
            return Problem.Conflict(WorkflowReasons.InvalidTransition, "The request is not awaiting payment.", $"Request {request.Id} is {request.Status}.")
                .With("requestStatus", request.Status.ToString());
        }

        var payment = order.Settle(Guid.CreateVersion7(now), PaymentChannel.Bank, confirmation.Reference, caller.Id, confirmation.PaidAt, now, caller.Actor);
        db.Payments.Add(payment);
        request.RecordPayment(confirmation.Reference);
        await writer.StageMoveAsync(request, file, RequestStatus.Paid, caller,
            $"Paid through bank {caller.Id}: {order.AmountRial:0} rials, reference {confirmation.Reference}.", null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await writer.InvalidateTrackingAsync(file);
        return new Confirmation(PaymentResponse.From(payment), Replayed: false);
    }
}
