namespace CityEServices.Identity.Features.Clients;

/// <summary>Every integrator client, oldest first, revoked ones included (with when and by whom); never a secret.</summary>
public sealed class ListClients(IdentityDbContext db)
{
    public async Task<Outcome<Page<ClientResponse>>> HandleAsync(string? page, string? pageSize, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.Read(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        return await db.Clients.AsNoTracking()
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.ClientId)
            .ToPageAsync(request, ClientResponse.From, cancellationToken);
    }
}
