using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>
/// The citizen-otp grant: a national ID and the code texted for it. Each try is counted before the code
/// is compared, in one conditional UPDATE, so concurrent guesses cannot share a try; the code is used up
/// by a second conditional UPDATE, so two right answers at once get one token. Every failure reads the
/// same (<c>invalid_grant</c>): wrong code, no code, expired, used, or out of tries.
/// </summary>
public sealed class IssueCitizenToken(IdentityDbContext db, TimeProvider time)
{
    public const string GrantType = "urn:ir:tehran:city:citizen-otp";
    public const string NationalIdParameter = "national_id";
    public const string CodeParameter = "code";

    /// <summary>Short: a citizen only looks their files up, and there is no refresh token to renew it quietly.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(10);

    public async Task<TokenDecision> HandleAsync(string? nationalIdInput, string? code, CancellationToken cancellationToken)
    {
        if (!NationalId.TryParse(nationalIdInput, out var nationalId) || code is not { Length: SignInCode.Digits } || !code.All(char.IsAsciiDigit))
        {
            return Refused();
        }

        var id = nationalId.Value;
        var now = time.GetDatabaseNow();
        // Only the latest code counts: asking for a new one retires the ones before it.
        var latest = await db.SignInCodes.AsNoTracking().Where(c => c.NationalId == id)
            .OrderByDescending(c => c.IssuedAt).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return Refused();
        }

        var counted = await db.SignInCodes
            .Where(c => c.Id == latest.Id && c.UsedAt == null && c.ExpiresAt > now && c.Tries < SignInCode.MaxTries)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tries, c => c.Tries + 1), cancellationToken);
        if (counted == 0 || !latest.Matches(code))
        {
            return Refused();
        }

        var used = await db.SignInCodes.Where(c => c.Id == latest.Id && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        return used == 0 ? Refused() : TokenDecision.Issue(TokenPrincipals.ForCitizen(id, AccessTokenLifetime));
    }

    private static TokenDecision Refused() =>
        TokenDecision.Refuse(Errors.InvalidGrant, "The national ID or code is wrong, or the code has expired, was used or has had too many tries.");
}
