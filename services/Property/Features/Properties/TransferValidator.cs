namespace CityEServices.Property.Features.Properties;

/// <summary>Turns a <see cref="TransferRequest"/> into a <see cref="TransferOrder"/> or every field error at once. Pure.</summary>
public static class TransferValidator
{
    public const int MaxNoteLength = 500;

    public static Validated<TransferOrder> Validate(TransferRequest request)
    {
        var errors = new ValidationErrors();

        var seller = Party.TryIdentify(request.SellerNationalId);
        if (seller is null)
        {
            errors.Add("sellerNationalId", string.IsNullOrWhiteSpace(request.SellerNationalId)
                ? "The seller's national ID (or an organisation's legal-entity ID) is required."
                : NationalId.Validate(request.SellerNationalId) ?? "Not a valid national ID or legal-entity ID.");
        }

        Party? buyer = null;
        string? buyerName = null;
        if (request.Buyer is not { } b)
        {
            errors.Add("buyer", "The buyer is required: { partyType, nationalId, fullName }.");
        }
        else
        {
            buyer = RegisterPropertyValidator.ValidateParty(
                new OwnerRequest(b.PartyType, b.NationalId, b.FullName, null, b.LegalEntityId), "buyer", errors, out var identifierField);
            if (buyer is { } p && seller is { } s && p.Id == s.Id)
            {
                errors.Add($"buyer.{identifierField}", "The buyer is the seller; a party cannot transfer a share to itself.");
            }

            // Optional here: an existing owner keeps the name on record. A new owner's is checked against the property.
            if (!string.IsNullOrWhiteSpace(b.FullName))
            {
                buyerName = errors.RequiredText(b.FullName, "buyer.fullName", "Full name", RegisterPropertyValidator.MaxNameLength);
            }
        }

        Dang? share = null;
        if (!Dang.TryParse(request.ShareDang, out var parsed, out var shareError))
        {
            errors.Add("shareDang", shareError);
        }
        else if (!errors.AddIf("shareDang", OwnershipRules.CheckShare(parsed)))
        {
            share = parsed;
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : errors.RequiredText(request.Note, "note", "Note", MaxNoteLength);

        return errors.Result(() => new TransferOrder(seller!.Value, buyer!.Value, buyerName, share!.Value, note));
    }
}
