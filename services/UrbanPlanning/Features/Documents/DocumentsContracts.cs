namespace CityEServices.UrbanPlanning.Features.Documents;

/// <summary>Why the document is revoked; kept with it and announced in PermitRevoked.</summary>
public sealed record RevocationBody(string? Reason);

public sealed record RevocationResponse(string Number, Guid RequestId, string Status, DateTimeOffset RevokedAt, string RevokedAtJalali, string RevokedBy, string Reason);

/// <summary>The document's PDF as it was issued.</summary>
public sealed record DocumentFile(string Number, byte[] Pdf);
