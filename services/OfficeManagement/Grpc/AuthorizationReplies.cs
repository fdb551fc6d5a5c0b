using System.Globalization;
using CityEServices.Contracts.Grpc.OfficeManagement;

namespace CityEServices.OfficeManagement.Grpc;

public static class AuthorizationReplies
{
    /// <summary>
    /// A decision on the wire. An allowed answer says until when it holds by itself (the certification's
    /// expiry, ISO 8601 UTC): a certification runs out without any write, so no event would tell a
    /// caller's cache, and the caller must not keep the answer past it.
    /// </summary>
    public static AuthorizeServiceReply From(AuthorizationDecision decision) => new()
    {
        Allowed = decision.Allowed,
        Reason = decision.Reason?.ToString() ?? string.Empty,
        Detail = decision.Detail,
        ExpiresAt = decision.Allowed && decision.ExpiresAt is { } expires
            ? expires.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)
            : string.Empty,
    };
}
