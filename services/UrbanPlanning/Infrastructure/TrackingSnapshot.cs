using System.Security.Cryptography;
using System.Text;
using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Infrastructure;

/// <summary>
/// What the citizen's tracking page is built from, as cached in Redis. Raw facts only: the due date and
/// breach are worked out when served, since they move with the clock. The applicant's national ID is
/// kept only as a keyed hash, so the cache holds no personal number in the clear.
/// </summary>
public sealed record TrackingSnapshot(
    string FileNumber,
    int District,
    DateTimeOffset OpenedAt,
    string ApplicantHash,
    IReadOnlyList<TrackedRequest> Requests)
{
    public static string HashApplicant(string trackingCode, string nationalId) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(trackingCode), Encoding.UTF8.GetBytes(nationalId)));

    public bool IsApplicant(string trackingCode, string nationalId) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(ApplicantHash),
            Encoding.ASCII.GetBytes(HashApplicant(trackingCode, nationalId)));
}

public sealed record TrackedRequest(
    Guid RequestId,
    string ServiceType,
    string ServiceTitleFa,
    RequestStatus Status,
    int SlaDays,
    DateTimeOffset? SubmittedAt,
    TimeSpan ReturnedTime,
    DateTimeOffset? ReturnedSince,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<TrackedTransition> Timeline);

public sealed record TrackedTransition(DateTimeOffset At, RequestStatus? FromStatus, RequestStatus ToStatus, string? Note);
