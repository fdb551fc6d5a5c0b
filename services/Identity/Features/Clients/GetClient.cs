namespace CityEServices.Identity.Features.Clients;

public sealed class GetClient(IdentityDbContext db)
{
    public async Task<Outcome<ClientResponse>> HandleAsync(string clientId, Caller caller, CancellationToken cancellationToken) =>
        (await ClientCredentials.FindAsync(db, clientId, cancellationToken)).Then(ClientResponse.From);
}
