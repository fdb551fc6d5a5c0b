using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Messaging;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.Property.Caching;
using CityEServices.Property.Data;
using CityEServices.Property.Domain;
using CityEServices.ServiceDefaults.Auth;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.Property.Api;

public static class PropertiesApi
{
    /// <summary>Who may change the registry.</summary>
    public static readonly string[] WriterRoles = [Roles.Admin, Roles.Registrar];

    /// <summary>Who may read it: every staff role and integrators.</summary>
    public static readonly string[] ReaderRoles = [Roles.Admin, Roles.Registrar, Roles.OfficeOperator, Roles.DistrictReviewer, Roles.Archivist, Roles.Integrator];

    public static IEndpointRouteBuilder MapPropertiesApi(this IEndpointRouteBuilder app)
    {
        var properties = app.MapGroup("/api/properties").WithTags("Properties");

        properties.MapPost("/", RegisterAsync)
            .WithName("RegisterProperty").WithSummary("Registers a property with its owners (shares of six dang summing to exactly 6).")
            .RequireAuthorization(policy => policy.RequireRole(WriterRoles));

        properties.MapGet("/", PropertySearch.SearchAsync)
            .WithName("SearchProperties").WithSummary("Lists properties by district, current owner, postal code and Persian-normalised free text (address and owner names), paged.")
            .RequireAuthorization(policy => policy.RequireRole(ReaderRoles));

        properties.MapGet("/{renovationCode}", GetAsync)
            .WithName("GetProperty").WithSummary("Reads a property with its current owners, or as of an earlier instant with ?asOf=.")
            .RequireAuthorization(policy => policy.RequireRole(ReaderRoles));

        properties.MapPost("/{renovationCode}/transfers", OwnershipTransfers.TransferAsync)
            .WithName("TransferOwnership").WithSummary("Transfers part or all of a seller's share to a new or existing owner.")
            .RequireAuthorization(policy => policy.RequireRole(WriterRoles));

        properties.MapGet("/{renovationCode}/history", PropertyHistory.GetAsync)
            .WithName("GetPropertyHistory").WithSummary("Every change to the property, oldest first, each with the owners and restrictions after it; paged.")
            .RequireAuthorization(policy => policy.RequireRole(ReaderRoles));

        properties.MapPut("/{renovationCode}/restrictions/legal-hold", LegalHolds.PlaceAsync)
            .WithName("PlaceLegalHold").WithSummary("Places a legal hold: transfers are refused until it is cleared.")
            .RequireAuthorization(policy => policy.RequireRole(WriterRoles));

        properties.MapDelete("/{renovationCode}/restrictions/legal-hold", LegalHolds.ClearAsync)
            .WithName("ClearLegalHold").WithSummary("Clears the legal hold (optional ?reason= for the history).")
            .RequireAuthorization(policy => policy.RequireRole(WriterRoles));

        return app;
    }

    public static async Task<Results<Created<PropertyResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterPropertyRequest request,
        PropertyDbContext db,
        PropertyCache cache,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var validated = RegisterPropertyValidator.Validate(request);
        if (validated.Value is not { } registration)
        {
            return TypedResults.ValidationProblem(validated.Errors);
        }

        if (await db.Properties.AnyAsync(p => p.RenovationCode == registration.RenovationCode, cancellationToken))
        {
            return AlreadyRegistered(registration.RenovationCode);
        }

        var property = RealProperty.Register(registration, time.GetDatabaseNow(), http.User.Actor());
        db.Properties.Add(property);
        db.PublishOnCommit(new PropertyRegistered(
            property.RenovationCode.Value,
            property.District,
            [.. property.CurrentOwners.Select(o => new OwnerShare(o.PartyId, o.Share.ToString()))])
        {
            OccurredAt = property.RegisteredAt,
            CorrelationId = http.CorrelationId(),
        });

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Lost a race with a concurrent registration of the same code; nothing of ours was written.
            return AlreadyRegistered(registration.RenovationCode);
        }

        // "Not registered" may be cached for this code.
        await cache.InvalidateAsync(property.RenovationCode);
        return TypedResults.Created($"/api/properties/{property.RenovationCode.Value}", PropertyResponse.From(property));
    }

    /// <summary>
    /// The current state comes through the cache unless the request says <c>Cache-Control: no-cache</c>;
    /// <c>?asOf=</c> (an ISO 8601 instant, UTC when no offset is given) reads the database's history.
    /// </summary>
    public static async Task<Results<Ok<PropertyResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string renovationCode,
        string? asOf,
        PropertyReads reads,
        PropertyDbContext db,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        RenovationCode? parsedCode = RenovationCode.TryParse(renovationCode, out var c, out var codeError) ? c : null;
        errors.AddIf("renovationCode", codeError);
        var instant = AsOf.Read(asOf, time.GetUtcNow(), errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var code = parsedCode!.Value;
        if (instant is not { } at)
        {
            var bypass = http.Request.Headers.CacheControl.ToString().Contains("no-cache", StringComparison.OrdinalIgnoreCase);
            return await reads.GetCurrentAsync(code, bypass, cancellationToken) is { } current
                ? TypedResults.Ok(current)
                : ApiResults.NotFound(code);
        }

        var property = await db.FindWithHistoryAsync(code, cancellationToken);
        if (property is null)
        {
            return ApiResults.NotFound(code);
        }

        if (at < property.RegisteredAt)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Property not registered at that time.",
                detail: $"Property {code.Value} was registered at {property.RegisteredAt:O}, after {at:O}.");
        }

        return TypedResults.Ok(PropertyResponse.AsOfInstant(property, at));
    }

    private static ProblemHttpResult AlreadyRegistered(RenovationCode code) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Property already registered.",
        detail: $"A property with renovation code {code.Value} is already registered.");
}
