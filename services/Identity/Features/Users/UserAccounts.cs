using CityEServices.Identity.Data;
using CityEServices.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace CityEServices.Identity.Features.Users;

/// <summary>What the user use cases share: finding the account a route names, and the bootstrap admin's protection.</summary>
public static class UserAccounts
{
    /// <summary>The seeded admin: the one account that must always be able to sign in and administer.</summary>
    public const string BootstrapAdmin = Seeder.AdminUserName;

    public static async Task<Outcome<CityUser>> FindAsync(IdentityDataContext db, string userName, CancellationToken cancellationToken)
    {
        var name = UserNames.Normalize(userName);
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name, cancellationToken);
        return user is null ? Problem.NotFound("User not found.", $"There is no user named '{name}'.") : user;
    }

    public static string Account(CityUser user) => $"user:{user.Id}";

    public static Problem BootstrapAdminRefused(string what) =>
        Problem.Conflict(IdentityReasons.BootstrapAdmin, "The bootstrap admin cannot be changed so.",
            $"'{BootstrapAdmin}' {what}: it is the account that can always administer the city, whatever else goes wrong.");

    /// <summary>What a change record keeps of the user's assignment (never a password or its hash).</summary>
    public static object Details(CityUser user) => new { user.Roles, user.NationalId, user.OfficeCode, user.District, user.Active };
}
