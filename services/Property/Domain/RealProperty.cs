namespace CityEServices.Property.Domain;

/// <summary>
/// A property (ملک) in the municipal registry, keyed by its renovation code. Named RealProperty
/// because <c>Property</c> is this service's namespace.
/// </summary>
public sealed class RealProperty
{
    private readonly List<Ownership> _owners = [];
    private readonly List<HistoryEntry> _history = [];

    private RealProperty()
    {
    }

    public RenovationCode RenovationCode { get; private set; }

    /// <summary>Always the renovation code's first segment; stored for indexing and district queries.</summary>
    public int District { get; private set; }

    public RegistrationPlate RegistrationPlate { get; private set; } = null!;

    /// <summary>Persian-normalised.</summary>
    public string Address { get; private set; } = string.Empty;

    public PostalCode PostalCode { get; private set; }

    public decimal LandAreaM2 { get; private set; }

    public decimal BuildingAreaM2 { get; private set; }

    public int Floors { get; private set; }

    public PropertyUsage Usage { get; private set; }

    public Restrictions Restrictions { get; private set; } = Restrictions.None;

    public PermittedConstruction? PermittedConstruction { get; private set; }

    public CompletedConstruction? CompletedConstruction { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = string.Empty;

    /// <summary>
    /// When the property last changed. Every change touches this row, so the concurrency token below
    /// guards changes that otherwise only write other tables (a transfer writes holdings); and every
    /// change is stamped strictly after the previous one, so "as of" an instant is never ambiguous.
    /// </summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin): two transfers of one property cannot both win.</summary>
    public uint Version { get; private set; }

    /// <summary>Every holding, past and current, in the order they were opened (when loaded).</summary>
    public IReadOnlyList<Ownership> Owners => _owners;

    /// <summary>Current holdings, largest share first (ties by party ID), so every reader lists them alike.</summary>
    public IEnumerable<Ownership> CurrentOwners => InListingOrder(_owners.Where(o => o.IsCurrent));

    /// <summary>Every change, oldest first (when loaded).</summary>
    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>The holdings valid at <paramref name="instant"/> (needs every holding loaded), in listing order.</summary>
    public IEnumerable<Ownership> OwnersAsOf(DateTimeOffset instant) => InListingOrder(_owners.Where(o => o.IsValidAt(instant)));

    /// <summary>Restrictions as they stood at <paramref name="instant"/> (needs the history loaded); null before registration.</summary>
    public Restrictions? RestrictionsAsOf(DateTimeOffset instant) =>
        _history.Where(h => h.At <= instant).MaxBy(h => h.At)?.RestrictionsAfter;

    /// <summary>Largest share first, ties by party ID, so every reader lists owners alike.</summary>
    public static IEnumerable<Ownership> InListingOrder(IEnumerable<Ownership> owners) =>
        owners.OrderByDescending(o => o.Share).ThenBy(o => o.PartyId, StringComparer.Ordinal);

    /// <summary>The holding <paramref name="party"/> has now, if any (needs current holdings loaded).</summary>
    public Ownership? CurrentHoldingOf(Party party) => _owners.FirstOrDefault(o => o.IsCurrent && o.PartyId == party.Id);

    /// <summary>
    /// Moves <see cref="TransferOrder.Share"/> from the seller to the buyer: the seller's holding and (if
    /// the buyer already owns a share) the buyer's are closed and reopened with their new shares, so the
    /// owners before the transfer stay readable. Null with a <paramref name="refusal"/> when the state forbids it.
    /// </summary>
    public TransferResult? Transfer(TransferOrder order, DateTimeOffset now, string actor, out Refusal? refusal)
    {
        if (order.Seller.Id == order.Buyer.Id)
        {
            throw new InvalidOperationException("A party cannot transfer a share to itself.");
        }

        if (OwnershipRules.CheckShare(order.Share) is { } shareProblem)
        {
            throw new InvalidOperationException(shareProblem);
        }

        if (Restrictions.LegalHold)
        {
            refusal = new Refusal(Refusal.LegalHold, $"Property {RenovationCode} is under legal hold; no share can be transferred until the hold is cleared.");
            return null;
        }

        if (CurrentHoldingOf(order.Seller) is not { } sellerHolding)
        {
            refusal = new Refusal(Refusal.SellerNotOwner, $"{order.Seller.Id} holds no share of property {RenovationCode}.");
            return null;
        }

        if (sellerHolding.Share < order.Share)
        {
            refusal = new Refusal(Refusal.InsufficientShare,
                $"{order.Seller.Id} holds {OwnershipRules.Describe(sellerHolding.Share)} dang of property {RenovationCode}, less than the {OwnershipRules.Describe(order.Share)} dang to transfer.");
            return null;
        }

        var buyerHolding = CurrentHoldingOf(order.Buyer);
        var buyerName = order.BuyerFullName ?? buyerHolding?.FullName
            ?? throw new InvalidOperationException("A new owner needs a full name.");

        var at = NextInstant(now);
        var sellerRemaining = sellerHolding.Share - order.Share;
        sellerHolding.Close(at);
        if (sellerRemaining.IsPositive)
        {
            _owners.Add(Ownership.Open(RenovationCode, order.Seller, sellerHolding.FullName, sellerRemaining, at));
        }

        var buyerHolds = order.Share;
        if (buyerHolding is not null)
        {
            buyerHolds += buyerHolding.Share;
            buyerHolding.Close(at);
        }

        _owners.Add(Ownership.Open(RenovationCode, order.Buyer, PersianText.Normalize(buyerName), buyerHolds, at));
        if (OwnershipRules.CheckTotal([.. _owners.Where(o => o.IsCurrent).Select(o => o.Share)]) is { } totalProblem)
        {
            throw new InvalidOperationException(totalProblem);
        }

        var entry = Record(HistoryKind.Transferred, at, actor, order.Note, order.Seller.Id, order.Buyer.Id, order.Share);
        refusal = null;
        return new TransferResult(at, sellerRemaining, buyerHolds, entry);
    }

    /// <summary>Places a legal hold (توقیف): transfers are refused until it is cleared.</summary>
    public Refusal? PlaceLegalHold(string reason, DateTimeOffset now, string actor)
    {
        if (Restrictions.LegalHold)
        {
            return new Refusal(Refusal.AlreadyUnderLegalHold, $"Property {RenovationCode} is already under legal hold.");
        }

        Restrictions = Restrictions with { LegalHold = true };
        Record(HistoryKind.LegalHoldSet, NextInstant(now), actor, reason);
        return null;
    }

    /// <summary>
    /// Clears the legal hold. A hold is lifted on an order or a letter, never silently: the reason is
    /// required and kept in the history with who cleared it.
    /// </summary>
    public Refusal? ClearLegalHold(string reason, DateTimeOffset now, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!Restrictions.LegalHold)
        {
            return new Refusal(Refusal.NotUnderLegalHold, $"Property {RenovationCode} is not under legal hold.");
        }

        Restrictions = Restrictions with { LegalHold = false };
        Record(HistoryKind.LegalHoldCleared, NextInstant(now), actor, reason);
        return null;
    }

    /// <summary>
    /// Records an issued building permit and marks the property under construction, unless this permit
    /// is already recorded or a completion certificate issued after it has already arrived (events may
    /// come out of order). Returns whether anything changed.
    /// </summary>
    public bool RecordPermit(PermittedConstruction permit, DateTimeOffset now, string actor)
    {
        if (PermittedConstruction?.PermitNumber == permit.PermitNumber)
        {
            return false;
        }

        PermittedConstruction = permit;
        var completedSince = CompletedConstruction is { } completed && completed.IssuedAt >= permit.IssuedAt;
        Restrictions = Restrictions with { UnderConstruction = !completedSince };
        Record(HistoryKind.PermitRecorded, NextInstant(now), actor, reference: permit.PermitNumber);
        return true;
    }

    /// <summary>Records a completion certificate (پایان کار): the work is finished, so no longer under construction.</summary>
    public bool RecordCompletion(CompletedConstruction completion, DateTimeOffset now, string actor)
    {
        if (CompletedConstruction?.CertificateNumber == completion.CertificateNumber)
        {
            return false;
        }

        CompletedConstruction = completion;
        Restrictions = Restrictions with { UnderConstruction = false };
        Record(HistoryKind.CompletionRecorded, NextInstant(now), actor, reference: completion.CertificateNumber);
        return true;
    }

    // Strictly after the previous change even when the clock has not moved on (or went back).
    private DateTimeOffset NextInstant(DateTimeOffset now) => now > LastChangedAt ? now : LastChangedAt.AddTicks(TimeSpan.TicksPerMicrosecond);

    private HistoryEntry Record(HistoryKind kind, DateTimeOffset at, string actor, string? note = null, string? from = null, string? to = null, Dang? share = null, string? reference = null)
    {
        LastChangedAt = at;
        var entry = HistoryEntry.Record(this, kind, at, actor, PersianText.Normalize(note), from, to, share, reference);
        _history.Add(entry);
        return entry;
    }

    public static RealProperty Register(PropertyRegistration registration, DateTimeOffset at, string registeredBy)
    {
        // Validation has already told the caller about each of these; they are re-checked here so
        // that no path into the aggregate can create a property that is not wholly owned.
        var shares = registration.Owners.Select(o => o.Share).ToList();
        var problem = registration.Owners.Select(o => OwnershipRules.CheckShare(o.Share)).FirstOrDefault(p => p is not null)
            ?? OwnershipRules.CheckTotal(shares);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        if (registration.Owners.Select(o => o.Party.Id).Distinct(StringComparer.Ordinal).Count() != registration.Owners.Count)
        {
            throw new InvalidOperationException("A party can hold only one share of a property.");
        }

        var property = new RealProperty
        {
            RenovationCode = registration.RenovationCode,
            District = registration.District,
            RegistrationPlate = registration.RegistrationPlate,
            Address = PersianText.Normalize(registration.Address),
            PostalCode = registration.PostalCode,
            LandAreaM2 = registration.LandAreaM2,
            BuildingAreaM2 = registration.BuildingAreaM2,
            Floors = registration.Floors,
            Usage = registration.Usage,
            Restrictions = registration.Restrictions,
            RegisteredAt = at,
            RegisteredBy = registeredBy,
        };
        foreach (var owner in registration.Owners)
        {
            property._owners.Add(Ownership.Open(property.RenovationCode, owner.Party, PersianText.Normalize(owner.FullName), owner.Share, at));
        }

        property.Record(HistoryKind.Registered, at, registeredBy);

        return property;
    }
}
