using CityEServices.Identity.Data;

namespace CityEServices.Identity.Features.Clients;

public sealed class GetClient(IdentityDataContext db)
{
    public async Task<Outcome<ClientResponse>> HandleAsync(string clientId, Caller caller, CancellationToken cancellationToken) =>
        (await ClientCredentials.FindAsync(db, clientId, cancellationToken)).Then(ClientResponse.From);
}
