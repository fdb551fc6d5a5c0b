namespace CityEServices.Property.Domain;

/// <summary>
/// One party's share of a property over a period. Rows are never edited in place except to close
/// them: a transfer closes the seller's row (<see cref="ValidTo"/>) and opens new ones, so the owners
/// as of any instant are the rows whose period contains it.
/// </summary>
public sealed class Ownership
{
    private Ownership()
    {
    }

    public Guid Id { get; private set; }

    public RenovationCode RenovationCode { get; private set; }

    public PartyType PartyType { get; private set; }

    /// <summary>National ID of a person or legal-entity ID of an organisation, canonical digits.</summary>
    public string PartyId { get; private set; } = string.Empty;

    public string FullName { get; private set; } = string.Empty;

    // The share is stored as its two integers; Share is the only way the rest of the code sees it.
    public long ShareNumerator { get; private set; }

    public long ShareDenominator { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }

    /// <summary>When this holding ended; null while it is current.</summary>
    public DateTimeOffset? ValidTo { get; private set; }

    public Party Party => new(PartyType, PartyId);

    public Dang Share => new(ShareNumerator, ShareDenominator);

    public bool IsCurrent => ValidTo is null;

    public bool IsValidAt(DateTimeOffset instant) => ValidFrom <= instant && (ValidTo is null || instant < ValidTo);

    /// <summary>Ends this holding at <paramref name="at"/>; the row stays as history.</summary>
    internal void Close(DateTimeOffset at)
    {
        if (ValidTo is not null)
        {
            throw new InvalidOperationException($"The holding of {PartyId} already ended at {ValidTo:O}.");
        }

        ValidTo = at;
    }

    internal static Ownership Open(RenovationCode renovationCode, Party party, string fullName, Dang share, DateTimeOffset from) => new()
    {
        Id = Guid.CreateVersion7(from),
        RenovationCode = renovationCode,
        PartyType = party.Type,
        PartyId = party.Id,
        FullName = fullName,
        ShareNumerator = share.Numerator,
        ShareDenominator = share.Denominator,
        ValidFrom = from,
    };
}
