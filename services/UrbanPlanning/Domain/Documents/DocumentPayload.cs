namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>
/// What the QR on an issued document vouches for, signed by the city: enough for anyone to check the
/// paper in their hand offline (which document, of what, for which property, valid when), and nothing
/// personal — the holder is looked up, masked, by <c>/api/verify</c>.
/// </summary>
/// <param name="Number">The document number.</param>
/// <param name="Type">One of <see cref="IssuedDocumentTypes"/>.</param>
/// <param name="RenovationCode">The property's renovation code.</param>
/// <param name="District">The municipal district (1–22).</param>
/// <param name="IssuedAt">When it was issued; whole seconds travel.</param>
/// <param name="ExpiresAt">When it stops being valid; null for documents that do not expire.</param>
public sealed record DocumentPayload(
    DocumentNumber Number,
    string Type,
    RenovationCode RenovationCode,
    int District,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>Whether the document's own validity has run out at <paramref name="now"/>.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;
}
