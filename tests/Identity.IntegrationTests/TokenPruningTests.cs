using CityEServices.Identity.IntegrationTests.Infrastructure;
using CityEServices.Identity.Jobs;
using Microsoft.Extensions.Logging;

namespace CityEServices.Identity.IntegrationTests;

/// <summary>
/// The background pruning (the service's own leased job, every second) against real OpenIddict tables:
/// rows OpenIddict considers prunable go once older than the minimum age (14 days by default); recent or
/// still-valid ones stay; a failed round is recorded in the lease row, leaves the service running, and a
/// later round prunes.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class TokenPruningTests(IdentityServiceWithFastPruning identity) : IClassFixture<IdentityServiceWithFastPruning>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private string Id(string name) => $"{name}-{_run}";

    [Fact]
    public async Task Old_expired_redeemed_and_revoked_rows_are_removed_and_recent_or_valid_ones_kept()
    {
        var now = DateTimeOffset.UtcNow;
        // A real token issued just now (password grant), which must survive every round.
        await identity.PasswordTokenAsync("admin", IdentityService.AdminPassword);
        var issued = await identity.CountAsync("""SELECT count(*) FROM "OpenIddictTokens" WHERE "CreationDate" > @since""", ("since", now.AddMinutes(-1)));
        Assert.True(issued > 0, "token storage recorded no row for the issued token");

        // Authorizations: ad-hoc without tokens (prunable), revoked with a revoked token (both prunable,
        // tokens first), revoked but recent (kept by the minimum age), permanent and valid (never prunable).
        await InsertAuthorizationAsync(Id("old-adhoc"), now.AddDays(-30), "valid", "ad-hoc");
        await InsertAuthorizationAsync(Id("recent-revoked"), now.AddDays(-1), "revoked", "permanent");
        await InsertAuthorizationAsync(Id("old-permanent"), now.AddDays(-30), "valid", "permanent");

        await InsertTokenAsync(Id("old-expired"), now.AddDays(-30), now.AddDays(-30).AddHours(1), "valid", "access_token");
        await InsertTokenAsync(Id("old-redeemed-code"), now.AddDays(-20), now.AddDays(-20).AddMinutes(5), "redeemed", "authorization_code");
        await InsertRevokedAuthorizationWithTokenAsync(Id("old-revoked"), now.AddDays(-30));
        await InsertTokenAsync(Id("recent-expired"), now.AddDays(-2), now.AddDays(-2).AddHours(1), "valid", "access_token");
        await InsertTokenAsync(Id("old-still-valid"), now.AddDays(-30), now.AddDays(1), "valid", "access_token");

        // Revocations: one older than the minimum age (no token it could refuse is alive), one recent.
        await identity.ExecuteAsync("INSERT INTO revocations (subject, revoked_at, cause) VALUES (@s, @at, 'Deactivated')", ("s", Id("old-revocation")), ("at", now.AddDays(-30)));
        await identity.ExecuteAsync("INSERT INTO revocations (subject, revoked_at, cause) VALUES (@s, @at, 'Deactivated')", ("s", Id("recent-revocation")), ("at", now.AddDays(-1)));

        // Citizens' sign-in codes: one expired before the minimum age, one expired yesterday (kept).
        await InsertSignInCodeAsync($"o{_run}c", now.AddDays(-30));
        await InsertSignInCodeAsync($"r{_run}c", now.AddDays(-1));

        string[] prunedTokens = [Id("old-expired"), Id("old-redeemed-code"), Id("old-revoked")];
        string[] prunedAuthorizations = [Id("old-adhoc"), Id("old-revoked")];
        await Eventually.UntilAsync(
            async () => await CountTokensAsync(prunedTokens) == 0 && await CountAuthorizationsAsync(prunedAuthorizations) == 0
                && await identity.CountAsync("SELECT count(*) FROM revocations WHERE subject = @s", ("s", Id("old-revocation"))) == 0
                && await CountSignInCodesAsync($"o{_run}c") == 0,
            Patience,
            "the old expired, redeemed and revoked rows are pruned");

        Assert.Equal(2L, await CountTokensAsync(Id("recent-expired"), Id("old-still-valid")));
        Assert.Equal(2L, await CountAuthorizationsAsync(Id("recent-revoked"), Id("old-permanent")));
        Assert.Equal(1L, await identity.CountAsync("SELECT count(*) FROM revocations WHERE subject = @s", ("s", Id("recent-revocation"))));
        Assert.Equal(1L, await CountSignInCodesAsync($"r{_run}c"));
        Assert.Equal(issued, await identity.CountAsync("""SELECT count(*) FROM "OpenIddictTokens" WHERE "CreationDate" > @since""", ("since", now.AddMinutes(-1))));
        Assert.Contains(identity.PrunerLog.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Pruned ", StringComparison.Ordinal) && !e.Message.StartsWith("Pruned 0 token rows and 0 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_error_is_logged_the_service_keeps_serving_and_the_next_round_prunes()
    {
        await identity.ExecuteAsync("""ALTER TABLE "OpenIddictTokens" RENAME TO openiddict_tokens_away""");
        try
        {
            await Eventually.UntilAsync(
                () => Task.FromResult(FailedRounds() >= 1),
                Patience,
                "a round fails and says so");
            // The pruner survives its failure (another round runs and fails the same way) and the host is not stopped by it.
            var failedBefore = FailedRounds();
            await Eventually.UntilAsync(() => Task.FromResult(FailedRounds() > failedBefore), Patience, "the next round runs after a failed one");
            // The lease row says why, in OpenIddict's first failed batch's words rather than "one or more errors".
            Assert.Equal(1, await identity.CountAsync(
                "SELECT count(*) FROM job_leases WHERE name = @name AND last_error LIKE 'Token pruning failed: %OpenIddictTokens%'", ("name", TokenPruner.JobName)));
            using var client = identity.CreateClient();
            using var discovery = await client.GetAsync("/.well-known/openid-configuration");
            Assert.Equal(System.Net.HttpStatusCode.OK, discovery.StatusCode);
        }
        finally
        {
            await identity.ExecuteAsync("""ALTER TABLE openiddict_tokens_away RENAME TO "OpenIddictTokens" """);
        }

        var now = DateTimeOffset.UtcNow;
        await InsertTokenAsync(Id("after-failure"), now.AddDays(-30), now.AddDays(-30).AddHours(1), "valid", "access_token");
        await Eventually.UntilAsync(async () => await CountTokensAsync(Id("after-failure")) == 0, Patience, "a later round prunes again");
    }

    private int FailedRounds() =>
        identity.PrunerLog.Entries.Count(e => e.Level == LogLevel.Error && e.Message.StartsWith($"Job {TokenPruner.JobName} failed", StringComparison.Ordinal));

    private Task InsertAuthorizationAsync(string id, DateTimeOffset created, string status, string type) =>
        identity.ExecuteAsync(
            """INSERT INTO "OpenIddictAuthorizations" ("Id", "CreationDate", "Status", "Subject", "Type") VALUES (@id, @created, @status, 'pruning-test', @type)""",
            ("id", id), ("created", created), ("status", status), ("type", type));

    private Task InsertTokenAsync(string id, DateTimeOffset created, DateTimeOffset expires, string status, string type) =>
        identity.ExecuteAsync(
            """INSERT INTO "OpenIddictTokens" ("Id", "CreationDate", "ExpirationDate", "Status", "Subject", "Type") VALUES (@id, @created, @expires, @status, 'pruning-test', @type)""",
            ("id", id), ("created", created), ("expires", expires), ("status", status), ("type", type));

    /// <summary>One statement, so no round can prune the authorization before its token refers to it.</summary>
    private Task InsertRevokedAuthorizationWithTokenAsync(string id, DateTimeOffset created) =>
        identity.ExecuteAsync(
            """
            WITH authorization_row AS (
                INSERT INTO "OpenIddictAuthorizations" ("Id", "CreationDate", "Status", "Subject", "Type")
                VALUES (@id, @created, 'revoked', 'pruning-test', 'permanent') RETURNING "Id")
            INSERT INTO "OpenIddictTokens" ("Id", "AuthorizationId", "CreationDate", "ExpirationDate", "Status", "Subject", "Type")
            SELECT @id, "Id", @created, @expires, 'revoked', 'pruning-test', 'access_token' FROM authorization_row
            """,
            ("id", id), ("created", created), ("expires", created.AddDays(60)));

    /// <summary>A code for <paramref name="nationalId"/> (ten characters: the run's eight between two), issued two minutes before it expired.</summary>
    private Task InsertSignInCodeAsync(string nationalId, DateTimeOffset expires) =>
        identity.ExecuteAsync(
            "INSERT INTO sign_in_codes (id, national_id, code_hash, issued_at, expires_at, tries) VALUES (gen_random_uuid(), @id, @hash, @issued, @expires, 0)",
            ("id", nationalId), ("hash", new string('0', 64)), ("issued", expires.AddMinutes(-2)), ("expires", expires));

    private Task<long> CountSignInCodesAsync(string nationalId) =>
        identity.CountAsync("SELECT count(*) FROM sign_in_codes WHERE national_id = @id", ("id", nationalId));

    private Task<long> CountTokensAsync(params string[] ids) =>
        identity.CountAsync("""SELECT count(*) FROM "OpenIddictTokens" WHERE "Id" = ANY(@ids)""", ("ids", ids));

    private Task<long> CountAuthorizationsAsync(params string[] ids) =>
        identity.CountAsync("""SELECT count(*) FROM "OpenIddictAuthorizations" WHERE "Id" = ANY(@ids)""", ("ids", ids));
}
