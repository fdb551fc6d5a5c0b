namespace CityEServices.Property.Domain;

/// <summary>
/// Why the registry refused a change that was well-formed but not possible in the property's current
/// state (a 409): a machine-readable <see cref="Reason"/> and a sentence for people.
/// </summary>
public sealed record Refusal(string Reason, string Detail)
{
    /// <summary>A property with the renovation code is registered already.</summary>
    public const string PropertyExists = "PropertyExists";

    public const string LegalHold = "LegalHold";
    public const string SellerNotOwner = "SellerNotOwner";
    public const string InsufficientShare = "InsufficientShare";
    public const string AlreadyUnderLegalHold = "AlreadyUnderLegalHold";
    public const string NotUnderLegalHold = "NotUnderLegalHold";

    /// <summary>Another request changed the property at the same moment; nothing of this one was written.</summary>
    public const string ConcurrentChange = "ConcurrentChange";
}
