using CityEServices.Iran;

namespace CityEServices.Property.Domain;

/// <summary>
/// A property (ملک) in the municipal registry, keyed by its renovation code. Named RealProperty
/// because <c>Property</c> is this service's namespace.
/// </summary>
public sealed class RealProperty
{
    private readonly List<Ownership> _owners = [];

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

    /// <summary>Optimistic concurrency token (PostgreSQL xmin): two transfers of one property cannot both win.</summary>
    public uint Version { get; private set; }

    /// <summary>Every holding, past and current, in the order they were opened (when loaded).</summary>
    public IReadOnlyList<Ownership> Owners => _owners;

    /// <summary>Current holdings, largest share first (ties by party ID), so every reader lists them alike.</summary>
    public IEnumerable<Ownership> CurrentOwners => _owners.Where(o => o.IsCurrent)
        .OrderByDescending(o => o.Share).ThenBy(o => o.PartyId, StringComparer.Ordinal);

    public IEnumerable<Ownership> OwnersAsOf(DateTimeOffset instant) => _owners.Where(o => o.IsValidAt(instant));

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

        return property;
    }
}
