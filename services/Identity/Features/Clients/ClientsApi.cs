using CityEServices.Contracts.Security;
using CityEServices.Web.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityEServices.Identity.Features.Clients;

/// <summary>Integrator clients: confidential applications that use the client_credentials grant.</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/api/identity/clients")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin))
            .WithTags("Clients");

        clients.MapPost("/", CreateAsync).AddEndpointFilter(NoStore).WithName("CreateClient")
            .WithSummary("Registers an integrator with scopes; the answer holds its secret, shown this once.");
        clients.MapGet("/", ListAsync).WithName("ListClients").WithSummary("Every client, oldest first, revoked ones included; never a secret.");
        clients.MapGet("/{clientId}", GetAsync).WithName("GetClient").WithSummary("One client; never its secret.");
        clients.MapDelete("/{clientId}", RevokeAsync).WithName("RevokeClient")
            .WithSummary("Revokes the client: no more tokens, and its live ones are refused everywhere within a minute.");
        clients.MapPost("/{clientId}/secret", RotateSecretAsync).AddEndpointFilter(NoStore).WithName("RotateClientSecret")
            .WithSummary("A new secret, valid at once; the previous one keeps working until previousSecretValidUntil.");
        return clients;
    }

    public static async Task<Results<Created<CreatedClientResponse>, ProblemHttpResult>> CreateAsync(
        CreateClientRequest? body, Caller caller, CreateClient createClient, CancellationToken cancellationToken) =>
        (await createClient.HandleAsync(body, caller, cancellationToken)).ToCreated(client => $"/api/identity/clients/{Uri.EscapeDataString(client.ClientId)}");

    public static async Task<Results<Ok<Page<ClientResponse>>, ProblemHttpResult>> ListAsync(
        string? page, string? pageSize, Caller caller, ListClients listClients, CancellationToken cancellationToken) =>
        (await listClients.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<ClientResponse>, ProblemHttpResult>> GetAsync(
        string clientId, Caller caller, GetClient getClient, CancellationToken cancellationToken) =>
        (await getClient.HandleAsync(clientId, caller, cancellationToken)).ToOk();

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string clientId, Caller caller, RevokeClient revokeClient, CancellationToken cancellationToken) =>
        (await revokeClient.HandleAsync(clientId, caller, cancellationToken)).ToNoContent();

    public static async Task<Results<Ok<RotatedSecretResponse>, ProblemHttpResult>> RotateSecretAsync(
        string clientId, Caller caller, RotateClientSecret rotateSecret, CancellationToken cancellationToken) =>
        (await rotateSecret.HandleAsync(clientId, caller, cancellationToken)).ToOk();

    /// <summary>An answer holding a secret is stored by no cache on the way (RFC 9111 no-store), success or not.</summary>
    private static ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return next(context);
    }
}
