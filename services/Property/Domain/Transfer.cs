namespace CityEServices.Property.Domain;

/// <summary>A checked transfer: <paramref name="Share"/> dang from <paramref name="Seller"/> to <paramref name="Buyer"/>.</summary>
/// <param name="BuyerFullName">Required for a new owner; when null an existing owner keeps the name on record.</param>
public sealed record TransferOrder(Party Seller, Party Buyer, string? BuyerFullName, Dang Share, string? Note);

/// <summary>What a transfer did: when, and the seller's and buyer's holdings afterwards.</summary>
public sealed record TransferResult(DateTimeOffset At, Dang SellerRemaining, Dang BuyerHolds, HistoryEntry Entry);
