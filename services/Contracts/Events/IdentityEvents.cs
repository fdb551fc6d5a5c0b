namespace CityEServices.Contracts.Events;

/// <summary>
/// A citizen asked for a one-time sign-in code. Identity knows no mobiles, notifications does: it texts
/// <see cref="Code"/> to the latest mobile it holds for <see cref="NationalId"/>, or to nobody. The code
/// is on the wire in clear (identity keeps only its hash); it is worth nothing after
/// <see cref="ExpiresAt"/> or five wrong tries.
/// </summary>
public sealed record CitizenSignInCodeIssued(string NationalId, string Code, DateTimeOffset ExpiresAt) : IntegrationEvent;
