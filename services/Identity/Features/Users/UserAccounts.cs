namespace CityEServices.Identity.Features.Users;

/// <summary>What the user use cases share: finding the account a route names, and the bootstrap admin's protection.</summary>
public static class UserAccounts
{
    /// <summary>The seeded admin: the one account that must always be able to sign in and administer.</summary>
    public const string BootstrapAdmin = Seeder.AdminUserName;

    public static async Task<Outcome<CityUser>> FindAsync(IdentityDbContext db, string userName, CancellationToken cancellationToken)
    {
        var name = UserNames.Normalize(userName);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
        return user is null ? Problem.NotFound("User not found.", $"There is no user named '{name}'.") : user;
    }

    /// <summary>
    /// The account a change is for: the 404 of an unknown one, and the bootstrap admin's 409 when
    /// <paramref name="bootstrapAdminRefusal"/> says why the change may not touch it (null: it may).
    /// </summary>
    public static async Task<Outcome<CityUser>> FindForChangeAsync(
        IdentityDbContext db, string userName, string? bootstrapAdminRefusal, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, userName, cancellationToken);
        return found.Succeeded && found.Value.UserName == BootstrapAdmin && bootstrapAdminRefusal is not null
            ? BootstrapAdminRefused(bootstrapAdminRefusal)
            : found;
    }

    public static string Account(CityUser user) => $"user:{user.Id}";

    private static Problem BootstrapAdminRefused(string what) =>
        Problem.Conflict(IdentityReasons.BootstrapAdmin, "The bootstrap admin cannot be changed so.",
            $"'{BootstrapAdmin}' {what}: it is the account that can always administer the city, whatever else goes wrong.");

    /// <summary>What a change record keeps of the user's assignment (never a password or its hash).</summary>
    public static object Details(CityUser user) => new { user.Roles, user.NationalId, user.OfficeCode, user.District, user.Active };
}
