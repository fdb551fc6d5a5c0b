namespace CityEServices.Property.Features.Properties;

/// <summary>
/// Moves part or all of a seller's share to a new or an existing owner, closing and reopening holdings so
/// the owners before it stay readable, and announces it (<see cref="OwnershipTransferred"/>) through the outbox.
/// </summary>
public sealed class TransferOwnership(PropertyDbContext db, PropertyChanges changes, TimeProvider time)
{
    public async Task<Outcome<TransferResponse>> HandleAsync(string renovationCode, TransferRequest request, Caller caller, CancellationToken cancellationToken)
    {
        if (!RenovationCode.TryParse(renovationCode, out var code, out var codeError))
        {
            return Problem.Invalid("renovationCode", codeError);
        }

        var validated = TransferValidator.Validate(request);
        if (validated.Value is not { } order)
        {
            return Problem.Invalid(validated.Errors);
        }

        if (await changes.FindAsync(code, cancellationToken) is not { } property)
        {
            return PropertyProblems.NotFound(code);
        }

        // Only the property knows whether the buyer is new, and a new owner needs a name.
        if (order.BuyerFullName is null && property.CurrentHoldingOf(order.Buyer) is null)
        {
            return Problem.Invalid("buyer.fullName", "Full name is required for a buyer who does not already own a share.");
        }

        if (property.Transfer(order, time.GetDatabaseNow(), caller.Actor, out var refusal) is not { } result)
        {
            return PropertyProblems.Refused(refusal!);
        }

        db.PublishOnCommit(new OwnershipTransferred(code.Value, order.Seller.Id, order.Buyer.Id, order.Share.ToString())
        {
            OccurredAt = result.At,
            CorrelationId = caller.CorrelationId,
            OwnersAfter = [.. property.CurrentOwners.Select(o => new OwnerShare(o.PartyId, o.Share.ToString()))],
        });
        if (await changes.SaveAsync(code, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new TransferResponse(
            result.Entry.Id,
            code.Value,
            order.Seller.Id,
            order.Buyer.Id,
            order.Share,
            order.Share.ToString(),
            DualTime.From(result.At),
            [.. property.CurrentOwners.Select(OwnerResponse.From)]);
    }
}
