using System.Security.Cryptography;
using System.Text;

namespace CityEServices.UrbanPlanning.Infrastructure;

/// <summary>
/// What the citizen's tracking page is built from, as cached in Redis. Raw facts only: the due date and
/// breach are worked out when served, since they move with the clock. The holders' national IDs (who
/// may track the file: the applicant, or the owners after a transfer) are kept only as keyed hashes, so
/// the cache holds no personal number in the clear.
/// </summary>
public sealed record TrackingSnapshot(
    string FileNumber,
    int District,
    DateTimeOffset OpenedAt,
    IReadOnlyList<string> HolderHashes,
    IReadOnlyList<TrackedRequest> Requests)
{
    /// <summary>The hand-overs between offices and changes of owners, oldest first.</summary>
    public IReadOnlyList<TrackedFileChange> Changes { get; init; } = [];

    public static string HashHolder(string trackingCode, string nationalId) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(trackingCode), Encoding.UTF8.GetBytes(nationalId)));

    public bool IsHolder(string trackingCode, string nationalId)
    {
        var hash = Encoding.ASCII.GetBytes(HashHolder(trackingCode, nationalId));
        var found = false;
        foreach (var holder in HolderHashes)
        {
            // Every hash is compared, so the time taken tells nothing about which matched.
            found |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(holder), hash);
        }

        return found;
    }
}

public sealed record TrackedFileChange(DateTimeOffset At, FileChangeKind Kind, string? FromOfficeCode, string? ToOfficeCode);

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
