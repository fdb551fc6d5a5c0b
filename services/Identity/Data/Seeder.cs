using CityEServices.Contracts.Security;
using CityEServices.Identity.Data;
using CityEServices.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using CityEServices.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Data;

/// <summary>
/// Creates what a fresh installation needs: the public client <c>city-cli</c> and the bootstrap user
/// <c>admin</c>. Safe to run on every start of every replica.
/// </summary>
public sealed partial class Seeder(
    IdentityDataContext db,
    IOpenIddictApplicationManager applications,
    IOptions<IdentitySettings> settings,
    IPasswordHasher<CityUser> hasher,
    TimeProvider time,
    ILogger<Seeder> logger)
{
    public const string CliClientId = "city-cli";
    public const string StaffClientId = "city-staff";
    public const string AdminUserName = "admin";

    public async Task SeedAsync(string? adminPassword, CancellationToken cancellationToken)
    {
        await EnsureClientAsync(CliDescriptor(), cancellationToken);
        await EnsureClientAsync(StaffDescriptor(settings.Value.StaffClient.RedirectUris), cancellationToken);
        if (adminPassword is not null)
        {
            await EnsureAdminAsync(adminPassword, cancellationToken);
        }
    }

    private static OpenIddictApplicationDescriptor CliDescriptor() => new()
    {
        ClientId = CliClientId,
        ClientType = ClientTypes.Public,
        DisplayName = "CityEServices command line",
        Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password },
    };

    /// <summary>Staff applications in a browser: authorization code with PKCE, to the configured redirect URIs only.</summary>
    private static OpenIddictApplicationDescriptor StaffDescriptor(IEnumerable<string> redirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = StaffClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "CityEServices staff",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris.Distinct(StringComparer.Ordinal))
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        return descriptor;
    }

    /// <summary>Creates the client, or brings its permissions and redirect URIs in line with the descriptor.</summary>
    private async Task EnsureClientAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var clientId = descriptor.ClientId!;
        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (existing is null)
        {
            try
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                LogCreated(logger, "client", clientId);
            }
            catch (Exception e) when (e.IsUniqueViolation())
            {
                // Another replica created it first: the same descriptor, nothing to do.
            }

            return;
        }

        var permissions = await applications.GetPermissionsAsync(existing, cancellationToken);
        var redirects = await applications.GetRedirectUrisAsync(existing, cancellationToken);
        if (!permissions.ToHashSet().SetEquals(descriptor.Permissions)
            || !redirects.ToHashSet().SetEquals(descriptor.RedirectUris.Select(u => u.AbsoluteUri)))
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
