using SkiaSharp;
using Texts = CityEServices.UrbanPlanning.Infrastructure.Documents.IssuedDocumentTexts;

namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// The PDF an office hands the citizen: A4, right to left, Persian shaped by HarfBuzz in Vazirmatn, the
/// signed QR at the top left, and text that <c>pdftotext</c> reads back in reading order
/// (<see cref="ShapedLine"/> explains how). One page for every type; a long engineering-report subject
/// flows onto a second.
/// </summary>
public sealed class IssuedDocumentRenderer
{
    // About 6 cm: at 150 dpi (a cheap scan or a phone at arm's length) a module of the ~400-character
    // payload is 5 pixels wide; at 48 mm it was under 4 and failed to decode now and then.
    private const float QrSize = 170f;
    private const float FieldHeight = 21f;

    private static readonly SKColor LabelColor = new(0x44, 0x44, 0x44);
    private static readonly SKColor MutedColor = new(0x55, 0x55, 0x55);

    public byte[] Render(IssuedDocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var output = new MemoryStream();
        Render(content, output);
        return output.ToArray();
    }

    public void Render(IssuedDocumentContent content, Stream output)
    {
        ArgumentNullException.ThrowIfNull(content);
        var title = Texts.Title(content.Type);
        // Creation and modification dates are the issue time, so the same content always gives the same bytes.
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{title} {content.Number.Display}",
            Subject = content.Type,
            Author = Texts.Municipality,
            Creator = "CityEServices UrbanPlanning",
            Producer = "CityEServices",
            Creation = content.IssuedAt.UtcDateTime,
            Modified = content.IssuedAt.UtcDateTime,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        using (var page = new PageWriter(document))
        {
            WriteHeader(page, content);
            page.Centered(page.Shape(new TextSpan(title, TextStyle.Bold(22))), 40);
            page.Centered(page.Shape(new TextSpan(Texts.Statement(content.Type), TextStyle.Regular(11, MutedColor))), 22);
            page.Rule(8);
            WriteCommonFields(page, content);
            if (content.Details is not NoViolationCertificateDetails)
            {
                page.Rule(6);
                WriteDetails(page, content.Details);
            }

            page.Rule(8);
            WriteFooter(page, content);
            document.EndPage();
            document.Close();
        }
    }

    private static void WriteHeader(PageWriter page, IssuedDocumentContent content)
    {
        var top = page.Y;
        QrCodeDrawing.Draw(page.Canvas, content.SignedPayload, page.Left, top, QrSize);
        page.Line(page.Shape(new TextSpan(Texts.Country, TextStyle.Regular(10, MutedColor))), 18);
        page.Line(page.Shape(new TextSpan(Texts.Municipality, TextStyle.Bold(16))), 26);
        page.Line(page.Shape(new TextSpan(Texts.Deputy, TextStyle.Regular(11))), 19);
        page.Line(page.Shape(new TextSpan(Texts.Offices, TextStyle.Regular(11))), 19);
        page.MoveTo(Math.Max(page.Y, top + QrSize) + 4);
    }

    private static void WriteCommonFields(PageWriter page, IssuedDocumentContent content)
    {
        Field(page, Texts.Number, content.Number.Display, ltr: true);
        Field(page, Texts.IssuedOn, PersianFormat.Date(content.IssuedAt));
        Field(page, Texts.ValidUntil, content.ExpiresAt is { } expires ? PersianFormat.Date(expires) : Texts.NoExpiry);
        Field(page, Texts.FileNumber, PersianFormat.Digits(content.FileNumber), ltr: true);
        Field(page, Texts.RenovationCode, PersianFormat.Digits(content.RenovationCode.Value), ltr: true);
        Field(page, Texts.District, PersianFormat.Number(content.District));
        // The plate as three labelled numbers; the Persian semicolon between them is a right-to-left
        // letter to bidi and to poppler alike, so no number can drift onto its neighbour's label.
        var plate = content.Plate;
        Field(page, Texts.Plate, $"{Texts.PlateSection} {PersianFormat.Number(plate.Section)}؛ {Texts.PlateMain} {PersianFormat.Number(plate.Main)}؛ {Texts.PlateSub} {PersianFormat.Number(plate.Sub)}");
        if (!string.IsNullOrWhiteSpace(content.Address))
        {
            Field(page, Texts.Address, content.Address);
        }

        Field(page, Texts.Holder, content.Holder.FullName);
        Field(page, content.Holder.NationalId.Length == NationalId.Length ? Texts.NationalId : Texts.LegalEntityId,
            PersianFormat.Digits(PersonalData.MaskNationalId(content.Holder.NationalId) ?? string.Empty), ltr: true);
        Field(page, Texts.Office, content.Office.Name);
        Field(page, Texts.OfficeCode, content.Office.Code, ltr: true);
    }

    private static void WriteDetails(PageWriter page, IssuedDocumentDetails details)
    {
        switch (details)
        {
            case BuildingPermitDetails building:
                Field(page, Texts.Floors, PersianFormat.Number(building.Floors));
                Field(page, Texts.AreaM2, PersianFormat.Number(building.AreaM2));
                Field(page, Texts.Usage, Texts.UsageName(building.Usage));
                break;
            case ExcavationPermitDetails excavation:
                Field(page, Texts.Street, excavation.Street);
                Field(page, Texts.LengthM, PersianFormat.Number(excavation.LengthM));
                Field(page, Texts.DepthM, PersianFormat.Number(excavation.DepthM));
                Field(page, Texts.DurationDays, PersianFormat.Number(excavation.DurationDays));
                if (excavation.RestorationDepositRial is { } deposit)
                {
                    Field(page, Texts.RestorationDeposit, PersianFormat.Rials(deposit));
                }

                break;
            case WasteContractDetails waste:
                Field(page, Texts.VolumeM3, PersianFormat.Number(waste.VolumeM3));
                Field(page, Texts.Hauler, waste.Hauler);
                Field(page, Texts.DisposalSite, waste.DisposalSite);
                break;
            case CompletionCertificateDetails completion:
                Field(page, Texts.BuildingPermitNumber,
                    DocumentNumber.TryParse(completion.BuildingPermitNumber, out var permit) ? permit.Display : completion.BuildingPermitNumber, ltr: true);
                Field(page, Texts.Floors, PersianFormat.Number(completion.Floors));
                Field(page, Texts.AreaM2, PersianFormat.Number(completion.AreaM2));
                break;
            case NoViolationCertificateDetails:
                break;
            case EngineeringReportDetails report:
                Field(page, Texts.Subject, report.Subject);
                break;
            default:
                throw new ArgumentException($"No layout for {details.GetType().Name}.", nameof(details));
        }
    }

    private static void WriteFooter(PageWriter page, IssuedDocumentContent content)
    {
        page.Line(page.Shape(new TextSpan(Texts.Electronic, TextStyle.Regular(10, MutedColor))), 18);
        page.Line(page.Shape(new TextSpan(Texts.HowToVerify, TextStyle.Regular(10, MutedColor))), 18);
        page.Line(page.Shape(new TextSpan(content.VerificationUrl, TextStyle.Bold(11), Ltr: true)), 20);
    }

    private static void Field(PageWriter page, string label, string value, bool ltr = false) =>
        page.Field(new TextSpan(label, TextStyle.Bold(11.5f, LabelColor)), new TextSpan(value, TextStyle.Regular(11.5f), ltr), FieldHeight);
}
