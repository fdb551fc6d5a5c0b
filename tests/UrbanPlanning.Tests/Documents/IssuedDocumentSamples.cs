using CityEServices.Iran;
using CityEServices.UrbanPlanning.Domain.Documents;
using CityEServices.UrbanPlanning.Infrastructure.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

/// <summary>One filled document of every type, signed with a fresh key.</summary>
internal static class IssuedDocumentSamples
{
    public const string VerificationUrl = "https://eservices.tehran.ir/verify";

    public static readonly IssuedDocumentDetails[] AllDetails =
    [
        new BuildingPermitDetails(5, 250.5m, "Residential"),
        new ExcavationPermitDetails("خیابان ولیعصر", 120m, 1.5m, 14, 150_000_000m),
        new WasteContractDetails(35m, "شرکت حمل پسماند پاکان", "سایت دفع آبعلی"),
        new CompletionCertificateDetails(DocumentNumber.FromRandomPart("4HTV7K3M9QX2").Value, 5, 250.5m),
        new NoViolationCertificateDetails(),
        new EngineeringReportDetails("بررسی استحکام دیوار مشترک با ملک مجاور پس از گودبرداری"),
    ];

    public static (IssuedDocumentContent Content, DocumentPayload Payload) Create(IssuedDocumentDetails details, DocumentKeyRing ring)
    {
        var payload = DocumentSamples.BuildingPermit(DocumentNumber.FromRandomPart("7K3M9QX24HTV")) with { Type = details.Type };
        var content = new IssuedDocumentContent(
            payload.Number,
            payload.IssuedAt,
            payload.ExpiresAt,
            payload.RenovationCode,
            new DocumentPlate(11, 1234, 56),
            "06001840320",
            "تهران، خیابان شریعتی، کوچه لاله",
            new DocumentHolder("مریم رضایی", "0076229645"),
            new DocumentOffice("T0617", "دفتر خدمات الکترونیکی شهر ۶۱۷"),
            details,
            new DocumentSigner(ring).Sign(payload),
            VerificationUrl);
        return (content, payload);
    }
}
