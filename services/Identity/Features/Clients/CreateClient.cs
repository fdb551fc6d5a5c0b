using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.Clients;

/// <summary>
/// Registers an integrator application: its OpenIddict credentials (the secret hashed) and its own row
/// (roles, scopes, who made it), in one transaction. The secret is in the answer and nowhere else.
/// </summary>
public sealed class CreateClient(IdentityDbContext db, IOpenIddictApplicationManager applications, TimeProvider time)
{
    public async Task<Outcome<CreatedClientResponse>> HandleAsync(CreateClientRequest? request, Caller caller, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Problem.Invalid("", "A JSON body is required.");
        }

        var validated = ClientRules.Validate(request.DisplayName, request.Roles, request.Scopes);
        if (validated.Value is not { } valid)
        {
            return Problem.Invalid(validated.Errors);
        }

        var clientId = ClientCredentials.NewClientId(valid.DisplayName);
        var secret = ClientCredentials.NewSecret();
        var now = time.GetDatabaseNow();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = valid.DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };

        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Clients.Add(new IntegratorClient
            {
                ClientId = clientId,
                DisplayName = valid.DisplayName,
                Roles = valid.Roles,
                Scopes = valid.Scopes,
                CreatedAt = now,
                CreatedBy = caller.Actor,
            });
            db.RecordChange(ClientCredentials.Account(clientId), AccountActions.Created, caller.Actor, now, details: new { valid.Roles, valid.Scopes });
            await db.SaveChangesAsync(ct);
            await applications.CreateAsync(descriptor, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        return new CreatedClientResponse(clientId, secret, valid.Roles, valid.Scopes);
    }
}
