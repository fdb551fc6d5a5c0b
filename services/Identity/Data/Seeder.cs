using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Data;

/// <summary>
/// Creates what a fresh installation needs: the public client <c>city-cli</c> and the bootstrap user
/// <c>admin</c>. Safe to run on every start of every replica, several at once (one seeds at a time).
/// </summary>
public sealed partial class Seeder(
    IdentityDbContext db,
    IOpenIddictApplicationManager applications,
    IOptions<IdentitySettings> settings,
    IPasswordHasher<CityUser> hasher,
    TimeProvider time,
    ILogger<Seeder> logger)
{
    public const string CliClientId = "city-cli";
    public const string StaffClientId = "city-staff";
    public const string CitizenClientId = "city-citizen";
    public const string AdminUserName = "admin";

    // pg_advisory_xact_lock key: "CITYSEED".
    private const long SeedLock = 0x4349_5459_5345_4544;

    /// <summary>
    /// Seeds one replica at a time. Replicas start together on a new database, and OpenIddict checks that a
    /// client id is free before it inserts: a replica that found the client missing a moment before another
    /// created it fails that check ("already exists"), not on a unique index, and would not start.
    /// </summary>
    public async Task SeedAsync(string? adminPassword, CancellationToken cancellationToken)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLock})", ct);
            await EnsureClientAsync(CliDescriptor(), ct);
            await EnsureClientAsync(CitizenDescriptor(), ct);
            await EnsureClientAsync(StaffDescriptor(settings.Value.StaffClient.RedirectUris), ct);
            if (adminPassword is not null)
            {
                await EnsureAdminAsync(adminPassword, ct);
            }

            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    private static OpenIddictApplicationDescriptor CliDescriptor() => new()
    {
        ClientId = CliClientId,
        ClientType = ClientTypes.Public,
        DisplayName = "CityEServices command line",
        Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password },
    };

    /// <summary>Citizens' applications: the citizen-otp grant only, so no refresh token and no staff grant.</summary>
    private static OpenIddictApplicationDescriptor CitizenDescriptor() => new()
    {
        ClientId = CitizenClientId,
        ClientType = ClientTypes.Public,
        DisplayName = "CityEServices citizens",
        Permissions = { Permissions.Endpoints.Token, Permissions.Prefixes.GrantType + IssueCitizenToken.GrantType },
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
            await applications.CreateAsync(descriptor, cancellationToken);
            LogCreated(logger, "client", clientId);
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
            await db.SaveChangesAsync(cancellationToken);
            LogCreated(logger, "user", AdminUserName);

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
