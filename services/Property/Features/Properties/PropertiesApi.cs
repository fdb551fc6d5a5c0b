using CityEServices.Contracts.Security;
using CityEServices.Web.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CityEServices.Property.Features.Properties;

public static class PropertiesApi
{
    public const string Path = "/api/properties";

    /// <summary>Who may change the registry.</summary>
    public static readonly string[] WriterRoles = [Roles.Admin, Roles.Registrar];

    /// <summary>Who may read it: every staff role and integrators.</summary>
    public static readonly string[] ReaderRoles = [Roles.Admin, Roles.Registrar, Roles.OfficeOperator, Roles.DistrictReviewer, Roles.Archivist, Roles.Integrator];

    public static RouteGroupBuilder MapPropertiesApi(this IEndpointRouteBuilder app)
    {
        var properties = app.MapGroup(Path).WithTags("Properties");

        properties.MapPost("/", RegisterAsync).ForWriters()
            .WithName("RegisterProperty").WithSummary("Registers a property with its owners (shares of six dang summing to exactly 6).");
        properties.MapGet("/", SearchAsync).ForReaders()
            .WithName("SearchProperties").WithSummary("Lists properties by district, current owner, postal code and Persian-normalised free text (address and owner names), paged.");
        properties.MapGet("/{renovationCode}", GetAsync).ForReaders()
            .WithName("GetProperty").WithSummary("Reads a property with its current owners, or as of an earlier instant with ?asOf=.");
        properties.MapGet("/{renovationCode}/history", GetHistoryAsync).ForReaders()
            .WithName("GetPropertyHistory").WithSummary("Every change to the property, oldest first, each with the owners and restrictions after it; paged.");

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

    public static async Task<Results<Ok<Page<HistoryEntryResponse>>, ProblemHttpResult>> GetHistoryAsync(
        string renovationCode, string? page, string? pageSize, Caller caller, GetPropertyHistory getHistory, CancellationToken cancellationToken) =>
        (await getHistory.HandleAsync(renovationCode, page, pageSize, caller, cancellationToken)).ToOk();

    internal static RouteHandlerBuilder ForWriters(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(policy => policy.RequireRole(WriterRoles));

    internal static RouteHandlerBuilder ForReaders(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(policy => policy.RequireRole(ReaderRoles));

    private static bool NoCache(string? cacheControl) =>
        cacheControl?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true;
}
