using CityEServices.Contracts.Security;
using CityEServices.Identity.Data;
using CityEServices.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Startup;

/// <summary>
/// Creates what a fresh installation needs: the public client <c>city-cli</c> and the bootstrap user
/// <c>admin</c>. Safe to run on every start of every replica.
/// </summary>
public sealed partial class Seeder(
    IdentityDataContext db,
    IOpenIddictApplicationManager applications,
    IPasswordHasher<CityUser> hasher,
    TimeProvider time,
    ILogger<Seeder> logger)
{
    public const string CliClientId = "city-cli";
    public const string AdminUserName = "admin";

    public async Task SeedAsync(string? adminPassword, CancellationToken cancellationToken)
    {
        await EnsureCliClientAsync(cancellationToken);
        if (adminPassword is not null)
        {
            await EnsureAdminAsync(adminPassword, cancellationToken);
        }
    }

    private async Task EnsureCliClientAsync(CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = CliClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "CityEServices command line",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password },
        };

        var existing = await applications.FindByClientIdAsync(CliClientId, cancellationToken);
        if (existing is null)
        {
            try
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                LogCreated(logger, "client", CliClientId);
            }
            catch (Exception e) when (e.IsUniqueViolation())
            {
                // Another replica created it first: the same descriptor, nothing to do.
            }

            return;
        }

        var permissions = await applications.GetPermissionsAsync(existing, cancellationToken);
        if (!permissions.ToHashSet().SetEquals(descriptor.Permissions))
        {
            await applications.PopulateAsync(existing, descriptor, cancellationToken);
            await applications.UpdateAsync(existing, cancellationToken);
        }
    }

    private async Task EnsureAdminAsync(string password, CancellationToken cancellationToken)
    {
        var admin = await db.Users.SingleOrDefaultAsync(u => u.UserName == AdminUserName, cancellationToken);
        if (admin is null)
        {
            db.Users.Add(new CityUser
            {
                Id = Guid.CreateVersion7(),
                UserName = AdminUserName,
                PasswordHash = hasher.HashPassword(null!, password),
                Roles = [Roles.Admin],
                CreatedAt = time.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                LogCreated(logger, "user", AdminUserName);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
            }

            return;
        }

        // The configured password is the source of truth: changing the secret parameter and
        // restarting is how an operator resets the admin password.
        if (hasher.VerifyHashedPassword(admin, admin.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            admin.PasswordHash = hasher.HashPassword(admin, password);
            admin.FailedAttempts = 0;
            admin.LockedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            LogAdminPasswordUpdated(logger, AdminUserName);
        }
    }

    [LoggerMessage(LogLevel.Information, "Seeded {Kind} {Name}")]
    private static partial void LogCreated(ILogger logger, string kind, string name);

    [LoggerMessage(LogLevel.Information, "The password of {UserName} differed from Identity:AdminPassword and was updated")]
    private static partial void LogAdminPasswordUpdated(ILogger logger, string userName);
}
