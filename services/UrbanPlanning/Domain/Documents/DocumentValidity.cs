namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>How long each issued document stands, from the moment it is issued.</summary>
public static class DocumentValidity
{
    /// <summary>
    /// Building permit two years (construction must start within them); excavation permit its own
    /// duration; waste contract one year; certificates and reports do not expire.
    /// </summary>
    public static DateTimeOffset? ExpiresAt(string type, int excavationDurationDays, DateTimeOffset issuedAt) => type switch
    {
        Contracts.Codes.ServiceTypes.BuildingPermit => issuedAt.AddYears(2),
        Contracts.Codes.ServiceTypes.ExcavationPermit => issuedAt.AddDays(Math.Max(1, excavationDurationDays)),
        Contracts.Codes.ServiceTypes.WasteContract => issuedAt.AddYears(1),
        _ => null,
    };

    /// <summary>The holder's name as the public verification shows it: each word's first letter, the rest hidden.</summary>
    public static string MaskName(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? string.Empty
            : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => $"{w[0]}***"));
}
