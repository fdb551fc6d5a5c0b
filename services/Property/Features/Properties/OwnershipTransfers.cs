using CityEServices.Contracts.Events;
using CityEServices.Iran;
using CityEServices.Messaging;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.Property.Caching;
using CityEServices.Property.Data;
using CityEServices.Property.Domain;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.Property.Api;

/// <summary>What a transfer answers: the transfer itself and the owners after it.</summary>
public sealed record TransferResponse(
    Guid TransferId,
    string RenovationCode,
    string SellerId,
    string BuyerId,
    Dang ShareDang,
    string ShareFraction,
    DualTime At,
    IReadOnlyList<OwnerResponse> Owners);

public static class OwnershipTransfers
{
    public static async Task<Results<Created<TransferResponse>, ValidationProblem, ProblemHttpResult>> TransferAsync(
        string renovationCode,
        TransferRequest request,
        PropertyDbContext db,
        PropertyCache cache,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!RenovationCode.TryParse(renovationCode, out var code, out var codeError))
        {
            return ApiResults.Invalid("renovationCode", codeError);
        }

        var validated = TransferValidator.Validate(request);
        if (validated.Value is not { } order)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        var property = await db.Properties
            .Include(p => p.Owners.Where(o => o.ValidTo == null))
            .FirstOrDefaultAsync(p => p.RenovationCode == code, cancellationToken);
        if (property is null)
        {
            return ApiResults.NotFound(code);
        }

        if (order.BuyerFullName is null && property.CurrentHoldingOf(order.Buyer) is null)
        {
            return ApiResults.Invalid("buyer.fullName", "Full name is required for a buyer who does not already own a share.");
        }

        if (property.Transfer(order, time.GetDatabaseNow(), http.User.Actor(), out var refusal) is not { } result)
        {
            return ApiResults.Conflict(refusal!);
        }

        db.PublishOnCommit(new OwnershipTransferred(code.Value, order.Seller.Id, order.Buyer.Id, order.Share.ToString())
        {
            OccurredAt = result.At,
            CorrelationId = http.CorrelationId(),
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException
            || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.UniqueViolation })
        {
            // Another change to this property committed first; nothing of ours was written.
            return ApiResults.ChangedConcurrently(code);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            // The one-current-holding constraint is deferred, so it speaks at commit, outside SaveChanges' wrapping.
            return ApiResults.ChangedConcurrently(code);
        }

        await cache.InvalidateAsync(code);
        return TypedResults.Created(
            $"/api/properties/{code.Value}/history",
            new TransferResponse(
                result.Entry.Id,
                code.Value,
                order.Seller.Id,
                order.Buyer.Id,
                order.Share,
                order.Share.ToString(),
                DualTime.From(result.At),
                [.. property.CurrentOwners.Select(OwnerResponse.From)]));
    }
}
