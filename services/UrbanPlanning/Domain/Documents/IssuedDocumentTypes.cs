namespace CityEServices.UrbanPlanning.Domain.Documents;

/// <summary>The service types whose outcome is an issued document: the codes the signed payload carries.</summary>
public static class IssuedDocumentTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        ServiceTypes.BuildingPermit,
        ServiceTypes.ExcavationPermit,
        ServiceTypes.WasteContract,
        ServiceTypes.CompletionCertificate,
        ServiceTypes.NoViolationCertificate,
        ServiceTypes.EngineeringReport,
    ];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
