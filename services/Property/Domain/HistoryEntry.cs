namespace CityEServices.Property.Domain;

public enum HistoryKind
{
    Registered,
    Transferred,
    LegalHoldSet,
    LegalHoldCleared,
    PermitRecorded,
    CompletionRecorded,
}

/// <summary>
/// One change to a property, appended and never edited: who did what, when, and the restrictions as they
/// stood afterwards (so restrictions can be read as of any instant, as owners can from their holdings).
/// </summary>
public sealed class HistoryEntry
{
    private HistoryEntry()
    {
    }

    public Guid Id { get; private set; }

    public RenovationCode RenovationCode { get; private set; }

    public DateTimeOffset At { get; private set; }

    public HistoryKind Kind { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    /// <summary>The registrar's note, or the reason given for a legal hold.</summary>
    public string? Note { get; private set; }

    /// <summary>For a transfer: the party that gave the share.</summary>
    public string? FromPartyId { get; private set; }

    /// <summary>For a transfer: the party that received it.</summary>
    public string? ToPartyId { get; private set; }

    public long? ShareNumerator { get; private set; }

    public long? ShareDenominator { get; private set; }

    /// <summary>Permit or completion-certificate number, for entries recorded from urban planning's events.</summary>
    public string? Reference { get; private set; }

    public bool LegalHoldAfter { get; private set; }

    public bool UnderConstructionAfter { get; private set; }

    public Dang? Share => ShareNumerator is { } n && ShareDenominator is { } d ? new Dang(n, d) : null;

    public Restrictions RestrictionsAfter => new(LegalHoldAfter, UnderConstructionAfter);

    internal static HistoryEntry Record(
        RealProperty property,
        HistoryKind kind,
        DateTimeOffset at,
        string actor,
        string? note = null,
        string? from = null,
        string? to = null,
        Dang? share = null,
        string? reference = null) => new()
        {
            Id = Guid.CreateVersion7(at),
            RenovationCode = property.RenovationCode,
            At = at,
            Kind = kind,
            Actor = actor,
            Note = note,
            FromPartyId = from,
            ToPartyId = to,
            ShareNumerator = share?.Numerator,
            ShareDenominator = share?.Denominator,
            Reference = reference,
            LegalHoldAfter = property.Restrictions.LegalHold,
            UnderConstructionAfter = property.Restrictions.UnderConstruction,
        };
}
