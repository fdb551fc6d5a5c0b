using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Property.Features.Properties;

/// <summary>The routes that place and clear a legal hold (توقیف); both answer the property as it now stands.</summary>
public static class LegalHolds
{
    public const string Route = "/{renovationCode}/restrictions/legal-hold";

    public static RouteGroupBuilder MapLegalHolds(this RouteGroupBuilder properties)
    {
        properties.MapPut(Route, PlaceAsync).ForWriters()
            .WithName("PlaceLegalHold").WithSummary("Places a legal hold: transfers are refused until it is cleared.");
        properties.MapDelete(Route, ClearAsync).ForWriters()
            .WithName("ClearLegalHold").WithSummary("Clears the legal hold (optional ?reason= for the history).");
        return properties;
    }

    public static async Task<Results<Ok<PropertyResponse>, ProblemHttpResult>> PlaceAsync(
        string renovationCode, LegalHoldRequest request, Caller caller, PlaceLegalHold placeHold, CancellationToken cancellationToken) =>
        (await placeHold.HandleAsync(renovationCode, request, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<PropertyResponse>, ProblemHttpResult>> ClearAsync(
        string renovationCode, string? reason, Caller caller, ClearLegalHold clearHold, CancellationToken cancellationToken) =>
        (await clearHold.HandleAsync(renovationCode, reason, caller, cancellationToken)).ToOk();
}
