using CityEServices.Contracts.Codes;
using CityEServices.Iran;
using CityEServices.UrbanPlanning.Domain.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

/// <summary>Fixed payloads (no test depends on today's date) and fresh keys.</summary>
internal static class DocumentSamples
{
    /// <summary>1404/09/08 14:30 Tehran.</summary>
    public static readonly DateTimeOffset IssuedAt = new(2025, 11, 29, 11, 0, 0, TimeSpan.Zero);

    public static DocumentPayload BuildingPermit(DocumentNumber? number = null) => new(
        number ?? DocumentNumber.FromRandomPart("7K3M9QX24HTV"),
        ServiceTypes.BuildingPermit,
        RenovationCode.Parse("6-12-104-7-0-0-0"),
        6,
        IssuedAt,
        IssuedAt.AddYears(2));

    public static DocumentKeyRing Ring(string keyId = "doc-2025") => new([DocumentKey.Generate(keyId)], keyId);
}
