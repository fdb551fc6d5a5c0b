using CityEServices.Contracts.Events;
using CityEServices.Contracts.Security;
using CityEServices.Iran;
using CityEServices.Messaging;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Persistence;
using CityEServices.Property.Data;
using CityEServices.Property.Domain;
using CityEServices.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CityEServices.Property.Api;

public static class PropertiesApi
{
    public static IEndpointRouteBuilder MapPropertiesApi(this IEndpointRouteBuilder app)
    {
        var properties = app.MapGroup("/api/properties").WithTags("Properties");

        properties.MapPost("/", RegisterAsync)
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Registrar));

        // Any authenticated caller (staff or integrator): the fallback policy already demands that.
        properties.MapGet("/{renovationCode}", GetAsync)
            .RequireAuthorization();

        return app;
    }

    public static async Task<Results<Created<PropertyResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterPropertyRequest request,
        PropertyDbContext db,
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

        return TypedResults.Created($"/api/properties/{property.RenovationCode.Value}", PropertyResponse.From(property));
    }

    public static async Task<Results<Ok<PropertyResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string renovationCode,
        PropertyDbContext db,
        CancellationToken cancellationToken)
    {
        if (!RenovationCode.TryParse(renovationCode, out var code, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["renovationCode"] = [error] });
        }

        var property = await db.Properties.AsNoTracking()
            .Include(p => p.Owners.Where(o => o.ValidTo == null))
            .FirstOrDefaultAsync(p => p.RenovationCode == code, cancellationToken);

        return property is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Property not found.", detail: $"No property has renovation code {code.Value}.")
            : TypedResults.Ok(PropertyResponse.From(property));
    }

    private static ProblemHttpResult AlreadyRegistered(RenovationCode code) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Property already registered.",
        detail: $"A property with renovation code {code.Value} is already registered.");
}
