using Microsoft.AspNetCore.Mvc;

namespace CityEServices.Property.Features.Properties;

public static class PropertiesApi
{
    public const string Path = "/api/properties";

    /// <summary>Who may change the registry.</summary>
    public static readonly string[] WriterRoles = [Roles.Admin, Roles.Registrar];

    /// <summary>
    /// Who may read it: every staff role and integrators. Integrator clients also need <c>property.read</c>
    /// (<see cref="ForClients"/>) and reach only one property by code and the ownership check.
    /// </summary>
    public static readonly string[] ReaderRoles = [Roles.Admin, Roles.Registrar, Roles.OfficeOperator, Roles.DistrictReviewer, Roles.Archivist, Roles.Integrator];

    public static RouteGroupBuilder MapPropertiesApi(this IEndpointRouteBuilder app)
    {
        var properties = app.MapGroup(Path).WithTags("Properties");

        properties.MapPost("/", RegisterAsync).ForWriters()
            .WithName("RegisterProperty").WithSummary("Registers a property with its owners (shares of six dang summing to exactly 6).");
        // The scope lets a client reach the search only to hear why not (403 ListingNotForClients), rather than a bare insufficient_scope.
        properties.MapGet("/", SearchAsync).ForReaders().ForClients()
            .WithName("SearchProperties").WithSummary("Lists properties by district, current owner, postal code and Persian-normalised free text (address and owner names), paged; staff only.");
        properties.MapGet("/{renovationCode}", GetAsync).ForReaders().ForClients()
            .WithName("GetProperty").WithSummary("Reads a property with its current owners, or as of an earlier instant with ?asOf=.");
        properties.MapGet("/{renovationCode}/owners/{nationalId}", CheckOwnershipAsync).ForReaders().ForClients()
            .WithName("CheckOwnership").WithSummary("Whether a person (national ID) or organisation (legal-entity ID) holds a share now: { renovationCode, owns }.");
        // Every owner the property ever had: staff only (names no scope, so no client reaches it).
        properties.MapGet("/{renovationCode}/history", GetHistoryAsync).ForReaders()
            .WithName("GetPropertyHistory").WithSummary("Every change to the property, oldest first, each with the owners and restrictions after it; paged; staff only.");

        properties.MapOwnershipTransfers();
        properties.MapLegalHolds();
        return properties;
    }

    public static async Task<Results<Created<PropertyResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterPropertyRequest request, Caller caller, RegisterProperty register, CancellationToken cancellationToken) =>
        (await register.HandleAsync(request, caller, cancellationToken)).ToCreated(property => $"{Path}/{property.RenovationCode}");

    public static async Task<Results<Ok<Page<PropertyResponse>>, ProblemHttpResult>> SearchAsync(
        string? district, string? ownerNationalId, string? postalCode, string? q, string? page, string? pageSize,
        Caller caller, SearchProperties search, CancellationToken cancellationToken) =>
        (await search.HandleAsync(district, ownerNationalId, postalCode, q, page, pageSize, caller, cancellationToken)).ToOk();

    /// <summary><c>Cache-Control: no-cache</c> reads the database instead of the cache.</summary>
    public static async Task<Results<Ok<PropertyResponse>, ProblemHttpResult>> GetAsync(
        string renovationCode, string? asOf, [FromHeader(Name = "Cache-Control")] string? cacheControl,
        Caller caller, GetProperty getProperty, CancellationToken cancellationToken) =>
        (await getProperty.HandleAsync(renovationCode, asOf, NoCache(cacheControl), caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<OwnershipCheckResponse>, ProblemHttpResult>> CheckOwnershipAsync(
        string renovationCode, string nationalId, Caller caller, CheckOwnership check, CancellationToken cancellationToken) =>
        (await check.HandleAsync(renovationCode, nationalId, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<Page<HistoryEntryResponse>>, ProblemHttpResult>> GetHistoryAsync(
        string renovationCode, string? page, string? pageSize, Caller caller, GetPropertyHistory getHistory, CancellationToken cancellationToken) =>
        (await getHistory.HandleAsync(renovationCode, page, pageSize, caller, cancellationToken)).ToOk();

    internal static RouteHandlerBuilder ForWriters(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(policy => policy.RequireRole(WriterRoles));

    internal static RouteHandlerBuilder ForReaders(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(policy => policy.RequireRole(ReaderRoles));

    /// <summary>Opens the endpoint to integrator clients granted <c>property.read</c>; others get 403 <c>insufficient_scope</c>.</summary>
    internal static RouteHandlerBuilder ForClients(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireScope(Scopes.PropertyRead);

    private static bool NoCache(string? cacheControl) =>
        cacheControl?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true;
}
