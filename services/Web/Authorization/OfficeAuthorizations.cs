using System.Globalization;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Security;
using CityEServices.Web.Callers;
using CityEServices.Web.Grpc;
using CityEServices.Web.Problems;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityEServices.Web.Authorization;

/// <summary>
/// The by-law at every step, asked the same way by every use case: an operator acts only for their own
/// office, only while it is active and licensed for the service type and they are active there and
/// certified; a reviewer acts only in their district. Office management decides the first; its answers
/// are kept a few seconds per replica (<see cref="OfficeAuthorizationOptions.CacheTimeToLive"/>), never
/// past the certification's expiry, and dropped when office management announces a change.
/// </summary>
public sealed class OfficeAuthorizations(
    OfficeAuthorization.OfficeAuthorizationClient offices,
    ServiceCalls calls,
    IMemoryCache cache,
    AuthorizationGenerations generations,
    IOptions<OfficeAuthorizationOptions> options,
    TimeProvider time)
{
    public const string RoleNotAllowed = "RoleNotAllowed";
    public const string OperatorIdentityMissing = "OperatorIdentityMissing";
    public const string WrongDistrict = "WrongDistrict";

    /// <summary>Null when <paramref name="caller"/> may act for <paramref name="serviceType"/> at their office now; else the 403 (or 503) to answer.</summary>
    public async Task<Problem?> CheckOperatorAsync(Caller caller, string serviceType, CancellationToken cancellationToken)
    {
        if (!caller.IsIn(Roles.OfficeOperator))
        {
            return Problem.Forbidden(RoleNotAllowed, "Only an office operator may do this.");
        }

        if (caller.OfficeCode is not { } office || caller.NationalId is not { } person)
        {
            return Problem.Forbidden(OperatorIdentityMissing, "The operator's token names no office or national ID, so their authorisation cannot be checked.");
        }

        var key = $"office-authz:{office}:{person}:{serviceType}:{generations.KeyOf(office, person)}";
        if (cache.TryGetValue(key, out Answer? cached) && cached is not null)
        {
            return cached.Refusal;
        }

        var answer = await calls.AskAsync("office management",
            ct => offices.AuthorizeServiceAsync(new AuthorizeServiceRequest { OfficeCode = office, OperatorNationalId = person, ServiceType = serviceType }, cancellationToken: ct),
            cancellationToken);
        if (!answer.Succeeded)
        {
            return answer.Problem;
        }

        var reply = answer.Value;
        var refusal = reply.Allowed ? null : Problem.Forbidden(
            string.IsNullOrEmpty(reply.Reason) ? "NotAuthorized" : reply.Reason,
            string.IsNullOrEmpty(reply.Detail) ? $"Office {office} or its operator is not authorised for {serviceType}." : reply.Detail);
        cache.Set(key, new Answer(refusal), Lifetime(reply));
        return refusal;
    }

    /// <summary>Null when <paramref name="caller"/> is a district reviewer of <paramref name="district"/>; else the 403.</summary>
    public static Problem? CheckReviewer(Caller caller, int district)
    {
        if (!caller.IsIn(Roles.DistrictReviewer))
        {
            return Problem.Forbidden(RoleNotAllowed, "Only a district reviewer may do this.");
        }

        return caller.District == district
            ? null
            : Problem.Forbidden(WrongDistrict, $"This belongs to district {district}; the reviewer's district is {caller.District?.ToString(CultureInfo.InvariantCulture) ?? "not set"}.");
    }

    /// <summary>An answer as cached: allowed (no refusal) or the refusal.</summary>
    private sealed record Answer(Problem? Refusal);

    private TimeSpan Lifetime(AuthorizeServiceReply reply)
    {
        var lifetime = options.Value.CacheTimeToLive;
        if (DateTimeOffset.TryParse(reply.ExpiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
            && expires - time.GetUtcNow() < lifetime)
        {
            lifetime = expires - time.GetUtcNow();
        }

        // An answer that has already run out is not kept at all (the next question asks again).
        return lifetime > TimeSpan.Zero ? lifetime : TimeSpan.FromTicks(1);
    }
}
