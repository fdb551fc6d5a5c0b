namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>What the city says of a document it issued; verification adds <c>expired</c> from the dates.</summary>
public enum IssuedDocumentStatus
{
    Valid,
    Revoked,
    Superseded,
}

/// <summary>
/// A document the city issued for a request: its number, what the signed QR vouches for, who holds it,
/// the PDF as it was handed out, and whether it still stands. Written in the same commit as the request's
/// move to Issued; never deleted. Revocation and supersession only change its status.
/// </summary>
public sealed class IssuedDocument
{
    private IssuedDocument()
    {
    }

    public string Number { get; private set; } = null!;

    public Guid RequestId { get; private set; }

    public string FileNumber { get; private set; } = null!;

    public string ServiceType { get; private set; } = null!;

    public string RenovationCode { get; private set; } = null!;

    public int District { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public IssuedDocumentStatus Status { get; private set; }

    /// <summary>The number of the document of the same type in the same file that this one replaced.</summary>
    public string? Supersedes { get; private set; }

    public string HolderName { get; private set; } = null!;

    public string HolderNationalId { get; private set; } = null!;

    public string KeyId { get; private set; } = null!;

    /// <summary>The QR text exactly as printed.</summary>
    public string SignedPayload { get; private set; } = null!;

    public byte[] Pdf { get; private set; } = null!;

    public string Sha256 { get; private set; } = null!;

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public string? RevocationReason { get; private set; }

    /// <summary>PostgreSQL's xmin: two revocations racing on one document cannot both win.</summary>
    public uint RowVersion { get; private set; }

    public static IssuedDocument Issue(
        DocumentPayload payload, Guid requestId, string fileNumber, string holderName, string holderNationalId,
        string keyId, string signedPayload, byte[] pdf, string? supersedes) => new()
        {
            Number = payload.Number.Value,
            RequestId = requestId,
            FileNumber = fileNumber,
            ServiceType = payload.Type,
            RenovationCode = payload.RenovationCode.Value,
            District = payload.District,
            IssuedAt = payload.IssuedAt.ToUniversalTime(),
            ExpiresAt = payload.ExpiresAt?.ToUniversalTime(),
            Status = IssuedDocumentStatus.Valid,
            Supersedes = supersedes,
            HolderName = holderName,
            HolderNationalId = holderNationalId,
            KeyId = keyId,
            SignedPayload = signedPayload,
            Pdf = pdf,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
        };

    /// <summary>A newer document of the same type for the same file replaces this one (a revoked one stays revoked).</summary>
    public void Supersede()
    {
        if (Status == IssuedDocumentStatus.Valid)
        {
            Status = IssuedDocumentStatus.Superseded;
        }
    }

    /// <summary>False when it is already revoked (revoking twice would rewrite who revoked it and why).</summary>
    public bool Revoke(string actor, string reason, DateTimeOffset at)
    {
        if (Status == IssuedDocumentStatus.Revoked)
        {
            return false;
        }

        Status = IssuedDocumentStatus.Revoked;
        RevokedAt = at.ToUniversalTime();
        RevokedBy = actor;
        RevocationReason = reason;
        return true;
    }

    /// <summary>What verification says at <paramref name="now"/>: revoked, superseded, expired or valid, in that order.</summary>
    public static string PublicStatus(IssuedDocumentStatus status, DateTimeOffset? expiresAt, DateTimeOffset now) => status switch
    {
        IssuedDocumentStatus.Revoked => "revoked",
        IssuedDocumentStatus.Superseded => "superseded",
        _ when expiresAt is { } expires && now >= expires => "expired",
        _ => "valid",
    };
}
