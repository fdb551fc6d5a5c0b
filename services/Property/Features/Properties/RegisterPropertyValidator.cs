namespace CityEServices.Property.Features.Properties;

/// <summary>
/// Turns a <see cref="RegisterPropertyRequest"/> into a <see cref="PropertyRegistration"/>, or into every
/// field error at once (keys are JSON paths such as <c>owners[1].nationalId</c>). Pure: no I/O, so the
/// whole rule set is unit-tested without a server.
/// </summary>
public static class RegisterPropertyValidator
{
    public const int MaxAddressLength = 500;
    public const int MaxNameLength = 200;
    public const int MaxFloors = 200;

    // numeric(14,2): twelve digits before the point.
    private const decimal MaxAreaM2 = 999_999_999_999.99m;

    public static Validated<PropertyRegistration> Validate(RegisterPropertyRequest request)
    {
        var errors = new ValidationErrors();

        RenovationCode? renovationCode = RenovationCode.TryParse(request.RenovationCode, out var code, out var codeError) ? code : null;
        errors.AddIf("renovationCode", codeError);

        if (request.District is not { } district)
        {
            errors.Add("district", "District is required.");
        }
        else if (district is < 1 or > RenovationCode.MaxDistrict)
        {
            errors.Add("district", $"District must be 1 to {RenovationCode.MaxDistrict}; got {district}.");
        }
        else if (renovationCode is { } parsed && parsed.District != district)
        {
            errors.Add("district", $"District {district} does not match the renovation code, whose first segment is district {parsed.District}.");
        }

        var plate = ValidatePlate(request.RegistrationPlate, errors);
        var address = errors.RequiredText(request.Address, "address", "Address", MaxAddressLength);
        PostalCode? postalCode = PostalCode.TryParse(request.PostalCode, out var postal, out var postalError) ? postal : null;
        errors.AddIf("postalCode", postalError);
        var landArea = Area(request.LandAreaM2, "landAreaM2", "Land area", allowZero: false, errors);
        var buildingArea = Area(request.BuildingAreaM2, "buildingAreaM2", "Building area", allowZero: true, errors);

        if (request.Floors is not { } floors)
        {
            errors.Add("floors", "Floors is required (0 for a parcel without a building).");
        }
        else if (floors is < 0 or > MaxFloors)
        {
            errors.Add("floors", $"Floors must be 0 to {MaxFloors}; got {floors}.");
        }

        var usage = ParseEnum<PropertyUsage>(request.Usage, "usage", "Usage", required: true, errors);
        var owners = ValidateOwners(request.Owners, errors);
        var restrictions = new Restrictions(request.Restrictions?.LegalHold ?? false, request.Restrictions?.UnderConstruction ?? false);

        return errors.Result(() => new PropertyRegistration(
            renovationCode!.Value, plate!, address!, postalCode!.Value, landArea!.Value, buildingArea!.Value,
            request.Floors!.Value, usage!.Value, restrictions, owners));
    }

    private static RegistrationPlate? ValidatePlate(RegistrationPlateRequest? plate, ValidationErrors errors)
    {
        if (plate is null)
        {
            errors.Add("registrationPlate", "Registration plate is required: { section, main, sub }.");
            return null;
        }

        var ok = true;
        if (plate.Section is not > 0)
        {
            ok = false;
            errors.Add("registrationPlate.section", plate.Section is null ? "Registry section is required." : "Registry section must be a positive number.");
        }

        if (plate.Main is not > 0)
        {
            ok = false;
            errors.Add("registrationPlate.main", plate.Main is null ? "Main plate is required." : "Main plate must be a positive number.");
        }

        if (plate.Sub is not >= 0)
        {
            ok = false;
            errors.Add("registrationPlate.sub", plate.Sub is null ? "Sub plate is required (0 when the parcel has none)." : "Sub plate cannot be negative.");
        }

        return ok ? new RegistrationPlate(plate.Section!.Value, plate.Main!.Value, plate.Sub!.Value) : null;
    }

    private static List<NewOwner> ValidateOwners(IReadOnlyList<OwnerRequest?>? owners, ValidationErrors errors)
    {
        var result = new List<NewOwner>();
        if (owners is null || owners.Count == 0)
        {
            errors.Add("owners", "At least one owner is required.");
            return result;
        }

        var allSharesRead = true;
        var shares = new List<Dang>();
        var firstIndexOfParty = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < owners.Count; i++)
        {
            var path = $"owners[{i}]";
            if (owners[i] is not { } owner)
            {
                errors.Add(path, "Owner is required.");
                allSharesRead = false;
                continue;
            }

            var party = ValidateParty(owner, path, errors, out var identifierField);
            if (party is { } p)
            {
                if (firstIndexOfParty.TryGetValue(p.Id, out var first))
                {
                    errors.Add($"{path}.{identifierField}", $"Duplicate owner: {p.Id} is already owners[{first}]; give each party one combined share.");
                }
                else
                {
                    firstIndexOfParty[p.Id] = i;
                }
            }

            var fullName = errors.RequiredText(owner.FullName, $"{path}.fullName", "Full name", MaxNameLength);

            Dang? share = null;
            if (!Dang.TryParse(owner.ShareDang, out var parsedShare, out var shareError))
            {
                errors.Add($"{path}.shareDang", shareError);
            }
            else if (!errors.AddIf($"{path}.shareDang", OwnershipRules.CheckShare(parsedShare)))
            {
                share = parsedShare;
            }

            if (share is { } s)
            {
                shares.Add(s);
            }
            else
            {
                allSharesRead = false;
            }

            if (party is not null && fullName is not null && share is not null)
            {
                result.Add(new NewOwner(party.Value, fullName, share.Value));
            }
        }

        // Only meaningful when every share was readable; otherwise the per-owner errors say it all.
        if (allSharesRead)
        {
            errors.AddIf("owners", OwnershipRules.CheckTotal(shares));
        }

        return result;
    }

    internal static Party? ValidateParty(OwnerRequest owner, string path, ValidationErrors errors, out string identifierField)
    {
        identifierField = "nationalId";
        var type = owner.PartyType is null ? PartyType.Person : ParseEnum<PartyType>(owner.PartyType, $"{path}.partyType", "Party type", required: true, errors);
        switch (type)
        {
            case PartyType.Person:
                if (owner.LegalEntityId is not null)
                {
                    errors.Add($"{path}.legalEntityId", "A person has no legal-entity ID; set partyType to Organisation for a company or institution.");
                }

                if (NationalId.TryParse(owner.NationalId, out var nationalId, out var nationalIdError))
                {
                    return Party.Person(nationalId);
                }

                errors.Add($"{path}.nationalId", LegalEntityId.TryParse(owner.NationalId, out _)
                    ? $"{nationalIdError} It is a valid legal-entity ID: set partyType to Organisation."
                    : nationalIdError);
                return null;

            case PartyType.Organisation:
                identifierField = owner.LegalEntityId is not null ? "legalEntityId" : "nationalId";
                var identifier = owner.LegalEntityId ?? owner.NationalId;
                if (identifier is null)
                {
                    errors.Add($"{path}.legalEntityId", "An organisation's legal-entity ID is required (in legalEntityId, or in nationalId).");
                    return null;
                }

                if (!LegalEntityId.TryParse(identifier, out var legalEntityId, out var legalEntityError))
                {
                    errors.Add($"{path}.{identifierField}", legalEntityError);
                    return null;
                }

                if (owner.LegalEntityId is not null && owner.NationalId is not null
                    && (!LegalEntityId.TryParse(owner.NationalId, out var other) || other != legalEntityId))
                {
                    errors.Add($"{path}.nationalId", "For an organisation, nationalId may only repeat the legal-entity ID; it differs from legalEntityId.");
                    return null;
                }

                return Party.Organisation(legalEntityId);

            default:
                return null;
        }
    }

    private static decimal? Area(decimal? value, string field, string label, bool allowZero, ValidationErrors errors)
    {
        if (value is not { } area)
        {
            errors.Add(field, $"{label} is required, in square metres.");
            return null;
        }

        if (area < 0 || (!allowZero && area == 0))
        {
            errors.Add(field, $"{label} must be {(allowZero ? "0 or more" : "more than 0")} square metres.");
            return null;
        }

        if (area > MaxAreaM2 || decimal.Round(area, 2) != area)
        {
            errors.Add(field, $"{label} must be below one trillion square metres with at most two decimal places.");
            return null;
        }

        return area;
    }

    /// <summary>Names only, case-insensitive; numbers are refused so that "1" never means a usage by accident.</summary>
    internal static TEnum? ParseEnum<TEnum>(string? value, string field, string label, bool required, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"{label} is required: one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
            }

            return null;
        }

        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add(field, $"{label} '{value}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
            return null;
        }

        return Enum.Parse<TEnum>(name);
    }
}
