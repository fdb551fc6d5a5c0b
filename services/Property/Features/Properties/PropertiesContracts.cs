using CityEServices.Iran;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Api;

public sealed record PropertyResponse(
    string RenovationCode,
    RegistrationPlate RegistrationPlate,
    int District,
    string Address,
    PostalCode PostalCode,
    decimal LandAreaM2,
    decimal BuildingAreaM2,
    int Floors,
    PropertyUsage Usage,
    IReadOnlyList<OwnerResponse> Owners,
    PermittedConstructionResponse? PermittedConstruction,
    CompletedConstructionResponse? CompletedConstruction,
    Restrictions Restrictions,
    DualTime RegisteredAt,
    DualTime? AsOf = null)
{
    /// <summary>The property with its current owners (history is for the history endpoint).</summary>
    public static PropertyResponse From(RealProperty property) => new(
        property.RenovationCode.Value,
        property.RegistrationPlate,
        property.District,
        property.Address,
        property.PostalCode,
        Areas.Trim(property.LandAreaM2),
        Areas.Trim(property.BuildingAreaM2),
        property.Floors,
        property.Usage,
        [.. property.CurrentOwners.Select(OwnerResponse.From)],
        property.PermittedConstruction is { } permitted ? PermittedConstructionResponse.From(permitted) : null,
        property.CompletedConstruction is { } completed ? CompletedConstructionResponse.From(completed) : null,
        property.Restrictions,
        DualTime.From(property.RegisteredAt));

    /// <summary>
    /// The property as it stood at <paramref name="instant"/> (needs every holding and the history loaded):
    /// the owners and restrictions of that instant, and only construction recorded by then. The
    /// descriptive fields (address, areas, usage) are not versioned and are today's.
    /// </summary>
    public static PropertyResponse AsOfInstant(RealProperty property, DateTimeOffset instant) => From(property) with
    {
        Owners = [.. property.OwnersAsOf(instant).Select(OwnerResponse.From)],
        PermittedConstruction = property.PermittedConstruction is { } permitted && permitted.IssuedAt <= instant ? PermittedConstructionResponse.From(permitted) : null,
        CompletedConstruction = property.CompletedConstruction is { } completed && completed.IssuedAt <= instant ? CompletedConstructionResponse.From(completed) : null,
        Restrictions = property.RestrictionsAsOf(instant) ?? property.Restrictions,
        AsOf = DualTime.From(instant),
    };
}

/// <summary>
/// An owner's share is given twice: <see cref="ShareDang"/> is a JSON number when the share has an exact
/// decimal form (2.5) and otherwise the fraction string ("1/3"); <see cref="ShareFraction"/> is always
/// the exact fraction string ("5/2"), for clients that want one type to parse.
/// </summary>
/// <remarks>
/// <see cref="PartyId"/> is the identifier for either kind of party; <see cref="NationalId"/> is set for
/// persons and <see cref="LegalEntityId"/> for organisations, mirroring the request.
/// </remarks>
public sealed record OwnerResponse(
    PartyType PartyType,
    string PartyId,
    string? NationalId,
    string? LegalEntityId,
    string FullName,
    Dang ShareDang,
    string ShareFraction,
    DualTime ValidFrom,
    DualTime? ValidTo = null)
{
    public static OwnerResponse From(Ownership owner) => new(
        owner.PartyType,
        owner.PartyId,
        owner.PartyType == PartyType.Person ? owner.PartyId : null,
        owner.PartyType == PartyType.Organisation ? owner.PartyId : null,
        owner.FullName,
        owner.Share,
        owner.Share.ToString(),
        DualTime.From(owner.ValidFrom),
        owner.ValidTo is { } validTo ? DualTime.From(validTo) : null);
}

public sealed record PermittedConstructionResponse(string PermitNumber, int Floors, decimal BuildingAreaM2, string Usage, DualTime IssuedAt)
{
    public static PermittedConstructionResponse From(PermittedConstruction c) =>
        new(c.PermitNumber, c.Floors, Areas.Trim(c.BuildingAreaM2), c.Usage, DualTime.From(c.IssuedAt));
}

public sealed record CompletedConstructionResponse(string CertificateNumber, int Floors, decimal BuildingAreaM2, DualTime IssuedAt)
{
    public static CompletedConstructionResponse From(CompletedConstruction c) =>
        new(c.CertificateNumber, c.Floors, Areas.Trim(c.BuildingAreaM2), DualTime.From(c.IssuedAt));
}

internal static class Areas
{
    /// <summary>
    /// 250.50 read back from numeric(14,2) and 250.5 as sent are the same area; dropping trailing zeros
    /// makes a property read the same on create and on every later read.
    /// </summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;
}
