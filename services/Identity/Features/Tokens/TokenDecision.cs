using System.Security.Claims;

namespace CityEServices.Identity.Features.Tokens;

/// <summary>What a grant decided: the identity to issue a token for, or the OAuth error (RFC 6749 §5.2) and why.</summary>
public sealed record TokenDecision(ClaimsPrincipal? Principal, string? Error, string? Description)
{
    public static TokenDecision Issue(ClaimsPrincipal principal) => new(principal, null, null);

    public static TokenDecision Refuse(string error, string description) => new(null, error, description);
}
