using System.Text.Json.Serialization;

namespace CityEServices.Property.Api;

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
