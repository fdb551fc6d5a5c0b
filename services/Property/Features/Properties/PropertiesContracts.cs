using System.Text.Json.Serialization;
using CityEServices.Iran;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Features.Properties;

/// <summary>
/// Body of <c>POST /api/properties</c>. Every field is nullable and loosely typed on purpose: the
/// validator, not the JSON reader, decides what is wrong, so the client gets one 400 naming each bad field.
/// </summary>
public sealed record RegisterPropertyRequest(
    string? RenovationCode,
    RegistrationPlateRequest? RegistrationPlate,
    int? District,
    string? Address,
    string? PostalCode,
    decimal? LandAreaM2,
    decimal? BuildingAreaM2,
    int? Floors,
    string? Usage,
    IReadOnlyList<OwnerRequest?>? Owners,
    RestrictionsRequest? Restrictions = null);

public sealed record RegistrationPlateRequest(int? Section, int? Main, int? Sub);

/// <summary>
/// One owner. <see cref="PartyType"/> defaults to <c>Person</c>. An organisation's legal-entity ID may be
/// sent in <see cref="LegalEntityId"/> or, as the gateway API documents a single identifier field, in
/// <see cref="NationalId"/>; if both are sent they must agree.
/// </summary>
public sealed record OwnerRequest(
    string? PartyType,
    string? NationalId,
    string? FullName,
    [property: JsonConverter(typeof(JsonNumberOrStringConverter))] string? ShareDang,
    string? LegalEntityId = null);

public sealed record RestrictionsRequest(bool? LegalHold, bool? UnderConstruction);

/// <summary>
/// Body of <c>POST /api/properties/{renovationCode}/transfers</c>: <see cref="ShareDang"/> dang (part or
/// all of the seller's share) moves from the seller to the buyer, a new or an existing owner.
/// </summary>
/// <param name="SellerNationalId">The seller's national ID, or an organisation's legal-entity ID.</param>
/// <param name="Note">Optional: the deed or contract the transfer rests on, kept in the history.</param>
public sealed record TransferRequest(
    string? SellerNationalId,
    BuyerRequest? Buyer,
    [property: JsonConverter(typeof(JsonNumberOrStringConverter))] string? ShareDang,
    string? Note = null);

/// <summary>The receiving party, as an owner is given at registration; <see cref="FullName"/> may be left out for an existing owner.</summary>
public sealed record BuyerRequest(string? PartyType, string? NationalId, string? FullName, string? LegalEntityId = null);

/// <summary>Body of <c>PUT /api/properties/{renovationCode}/restrictions/legal-hold</c>.</summary>
/// <param name="Reason">Why the property is held (court order, registry letter); kept in the history.</param>
public sealed record LegalHoldRequest(string? Reason);

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

/// <summary>What a transfer answers: the transfer itself and the owners after it.</summary>
public sealed record TransferResponse(
    Guid TransferId,
    string RenovationCode,
    string SellerId,
    string BuyerId,
    Dang ShareDang,
    string ShareFraction,
    DualTime At,
    IReadOnlyList<OwnerResponse> Owners);

/// <summary>One change in a property's history, with the owners and restrictions as they stood right after it.</summary>
/// <param name="Actor">Who made the change, as an actor id: <c>user:&lt;id&gt;</c>, <c>client:&lt;client id&gt;</c>, or <c>system:property</c> for what the registry recorded from urban planning's events.</param>
/// <param name="FromPartyId">For a transfer, the seller.</param>
/// <param name="ToPartyId">For a transfer, the buyer.</param>
/// <param name="Reference">For construction recorded from urban planning, the permit or certificate number.</param>
public sealed record HistoryEntryResponse(
    Guid Id,
    DualTime At,
    HistoryKind Kind,
    string Actor,
    string? Note,
    string? FromPartyId,
    string? ToPartyId,
    Dang? ShareDang,
    string? ShareFraction,
    string? Reference,
    Restrictions Restrictions,
    IReadOnlyList<OwnerResponse> Owners)
{
    /// <summary>The entry with the owners of <paramref name="property"/> right after it (needs every holding loaded).</summary>
    public static HistoryEntryResponse From(HistoryEntry entry, RealProperty property) => new(
        entry.Id,
        DualTime.From(entry.At),
        entry.Kind,
        entry.Actor,
        entry.Note,
        entry.FromPartyId,
        entry.ToPartyId,
        entry.Share,
        entry.Share?.ToString(),
        entry.Reference,
        entry.RestrictionsAfter,
        [.. property.OwnersAsOf(entry.At).Select(OwnerResponse.From)]);
}

internal static class Areas
{
    /// <summary>
    /// 250.50 read back from numeric(14,2) and 250.5 as sent are the same area; dropping trailing zeros
    /// makes a property read the same on create and on every later read.
    /// </summary>
    public static decimal Trim(decimal value) => value / 1.0000000000000000000000000000m;
}
