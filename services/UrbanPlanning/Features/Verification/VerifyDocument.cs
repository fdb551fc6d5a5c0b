using Texts = CityEServices.UrbanPlanning.Infrastructure.Documents.IssuedDocumentTexts;

namespace CityEServices.UrbanPlanning.Features.Verification;

/// <summary>
/// Public verification, anonymous: by the number printed on the paper, or by the QR text (its signature
/// checked against the city's keys first, so an altered or forged text is <c>invalid</c> whatever it claims).
/// </summary>
public sealed class VerifyDocument(UrbanPlanningDbContext db, DocumentKeys keys, TimeProvider time)
{
    public async Task<Outcome<VerificationResponse>> ByNumberAsync(string number, CancellationToken cancellationToken)
    {
        if (!DocumentNumber.TryParse(number, out var parsed))
        {
            return Problem.Invalid("number", "Not a document number: 13 letters and digits, the last a check symbol (a typo or two swapped symbols fail it).");
        }

        return await DescribeAsync(parsed.Value, cancellationToken) is { } found
            ? found
            : Problem.NotFound("Document not found.", $"The city has issued no document {parsed.Display}.");
    }

    public async Task<Outcome<VerificationResponse>> ByPayloadAsync(VerifyPayloadBody body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Payload))
        {
            return Problem.Invalid("payload", "Paste the text the QR code holds.");
        }

        var verified = DocumentVerifier.Verify(body.Payload, await keys.GetAsync(cancellationToken));
        if (!verified.IsValid)
        {
            return new VerificationResponse(VerificationResponse.Invalid, KeyId: verified.KeyId, Reason: verified.Reason);
        }

        var payload = verified.Payload!;
        var found = await DescribeAsync(payload.Number.Value, cancellationToken);
        // A correctly signed text must also be what the city recorded: anything else is not a document it stands behind.
        if (found is null || found.Type != payload.Type || found.RenovationCode != payload.RenovationCode.Value
            || found.IssuedAt?.ToUnixTimeSeconds() != payload.IssuedAt.ToUnixTimeSeconds())
        {
            return new VerificationResponse(VerificationResponse.Invalid, KeyId: verified.KeyId, Reason: "the signed payload does not match the city's record");
        }

        return found with { KeyId = verified.KeyId };
    }

    private async Task<VerificationResponse?> DescribeAsync(string number, CancellationToken cancellationToken)
    {
        var document = await db.IssuedDocuments.AsNoTracking()
            .Where(d => d.Number == number)
            .Select(d => new
            {
                d.Number, d.ServiceType, d.IssuedAt, d.ExpiresAt, d.Status, d.RenovationCode, d.District, d.HolderName, d.HolderNationalId, d.KeyId,
                SupersededBy = db.IssuedDocuments.Where(n => n.Supersedes == d.Number).Select(n => n.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return null;
        }

        return new VerificationResponse(
            IssuedDocument.PublicStatus(document.Status, document.ExpiresAt, time.GetUtcNow()),
            document.Number,
            document.ServiceType,
            Texts.Title(document.ServiceType),
            document.IssuedAt,
            SolarHijri.Format(document.IssuedAt),
            document.ExpiresAt,
            document.ExpiresAt is { } expires ? SolarHijri.Format(expires) : null,
            document.RenovationCode,
            document.District,
            new MaskedHolder(DocumentValidity.MaskName(document.HolderName), PersonalData.MaskNationalId(document.HolderNationalId)),
            document.SupersededBy,
            document.KeyId);
    }
}
