namespace CityEServices.Identity.Features.Users;

public sealed class GetUser(IdentityDbContext db)
{
    public async Task<Outcome<UserResponse>> HandleAsync(string userName, Caller caller, CancellationToken cancellationToken) =>
        (await UserAccounts.FindAsync(db, userName, cancellationToken)).Then(UserResponse.From);
}
