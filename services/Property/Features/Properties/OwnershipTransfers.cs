using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Property.Features.Properties;

/// <summary>The route of ownership transfers; a transfer answers where its history entry can be read.</summary>
public static class OwnershipTransfers
{
    public static RouteGroupBuilder MapOwnershipTransfers(this RouteGroupBuilder properties)
    {
        properties.MapPost("/{renovationCode}/transfers", TransferAsync).ForWriters()
            .WithName("TransferOwnership").WithSummary("Transfers part or all of a seller's share to a new or existing owner.");
        return properties;
    }

    public static async Task<Results<Created<TransferResponse>, ProblemHttpResult>> TransferAsync(
        string renovationCode, TransferRequest request, Caller caller, TransferOwnership transfer, CancellationToken cancellationToken) =>
        (await transfer.HandleAsync(renovationCode, request, caller, cancellationToken))
            .ToCreated(done => $"{PropertiesApi.Path}/{done.RenovationCode}/history");
}
