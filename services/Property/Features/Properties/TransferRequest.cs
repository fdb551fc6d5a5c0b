using System.Text.Json.Serialization;

namespace CityEServices.Property.Api;

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
