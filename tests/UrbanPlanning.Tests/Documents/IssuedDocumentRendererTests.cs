using System.Text.RegularExpressions;
using CityEServices.Contracts.Codes;
using CityEServices.UrbanPlanning.Domain.Documents;
using CityEServices.UrbanPlanning.Infrastructure.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

/// <summary>What poppler's pdftotext — a reader's copy-paste, a search index — reads back from the PDFs.</summary>
public partial class IssuedDocumentRendererTests
{
    private static readonly string[] CommonPhrases =
    [
        "شهرداری تهران",
        "شماره سند 7K3M-9QX2-4HTV-Y",
        "تاریخ صدور ۱۴۰۴/۰۹/۰۸",
        "اعتبار تا ۱۴۰۶/۰۹/۰۸",
        "شماره پرونده ۰۶۰۰۱۸۴۰۳۲۰",
        "کد نوسازی ۶-۱۲-۱۰۴-۷-۰-۰-۰",
        "منطقه ۶",
        "پلاک ثبتی بخش ۱۱؛ اصلی ۱۲۳۴؛ فرعی ۵۶",
        "دارنده مریم رضایی",
        "کد ملی ۰۰******۴۵",
        "دفتر صادرکننده دفتر خدمات الکترونیکی شهر ۶۱۷",
        "کد دفتر T0617",
    ];

    public static TheoryData<string> Types => [.. IssuedDocumentTypes.All];

    [Theory]
    [MemberData(nameof(Types))]
    public void Pdftotext_reads_every_field_in_reading_order(string type)
    {
        using var ring = DocumentSamples.Ring();
        var details = IssuedDocumentSamples.AllDetails.Single(d => d.Type == type);
        var (content, _) = IssuedDocumentSamples.Create(details, ring);

        var text = Normalize(Poppler.Text(new IssuedDocumentRenderer().Render(content)));

        string[] expected =
        [
            .. CommonPhrases.Take(1),
            Title(type),
            Statement(type),
            .. CommonPhrases.Skip(1),
            .. DetailPhrases(type),
            "برای بررسی اصالت رمزینه را بخوانید یا شماره سند را در این نشانی وارد کنید",
            IssuedDocumentSamples.VerificationUrl,
        ];
        AssertInOrder(text, expected);
        Assert.DoesNotContain("0076229645", text, StringComparison.Ordinal);
        Assert.DoesNotContain("۰۰۷۶۲۲۹۶۴۵", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ligatures_come_out_as_their_letters_in_order()
    {
        // Lam-alef (سلامت، اعلام، لازم) and the «الله» ligature are one glyph for several letters:
        // without the mirrored cluster text these read «سالمت» and «عبدهللا».
        using var ring = DocumentSamples.Ring();
        var (content, _) = IssuedDocumentSamples.Create(new EngineeringReportDetails("بررسی سلامت سازه و اعلام تعمیرات لازم"), ring);
        content = content with { Holder = new DocumentHolder("عبدالله لاهوتی", "0076229645") };

        var text = Normalize(Poppler.Text(new IssuedDocumentRenderer().Render(content)));

        AssertInOrder(text, ["دارنده عبدالله لاهوتی", "موضوع بررسی سلامت سازه و اعلام تعمیرات لازم"]);
    }

    [Fact]
    public void The_physical_layout_mode_reads_the_same_lines()
    {
        using var ring = DocumentSamples.Ring();
        var (content, _) = IssuedDocumentSamples.Create(IssuedDocumentSamples.AllDetails[0], ring);

        var text = Normalize(Poppler.Text(new IssuedDocumentRenderer().Render(content), layout: true));

        AssertInOrder(text, [Title(ServiceTypes.BuildingPermit), .. CommonPhrases.Skip(1), .. DetailPhrases(ServiceTypes.BuildingPermit)]);
    }

    [Fact]
    public void A_long_subject_wraps_in_reading_order_and_stays_within_two_pages()
    {
        using var ring = DocumentSamples.Ring();
        // A Persian word right after a number comes out glued to it (poppler's reordering), so words only.
        string[] pool = ["دیوار", "ستون", "پی", "سقف", "تیر", "پله", "نما", "بام", "کف", "درز", "ترک", "نم"];
        var words = Enumerable.Range(0, 150).Select(i => pool[i % pool.Length] + (i % 5 == 0 ? "‌ها" : string.Empty)).ToArray();
        var subject = string.Join(' ', words);
        Assert.True(subject.Length is > 500 and < 1000);
        var (content, _) = IssuedDocumentSamples.Create(new EngineeringReportDetails(subject), ring);

        var pdf = new IssuedDocumentRenderer().Render(content);
        var text = Normalize(Poppler.Text(pdf));

        Assert.InRange(PdfPages.Count(new MemoryStream(pdf)) ?? 0, 1, 2);
        AssertInOrder(text, ["موضوع " + string.Join(' ', words), IssuedDocumentSamples.VerificationUrl]);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_type_is_a_single_A4_page(string type)
    {
        using var ring = DocumentSamples.Ring();
        var (content, _) = IssuedDocumentSamples.Create(IssuedDocumentSamples.AllDetails.Single(d => d.Type == type), ring);

        using var pdf = new MemoryStream(new IssuedDocumentRenderer().Render(content));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);

        Assert.Equal(1, document.NumberOfPages);
        Assert.Equal(595, document.GetPage(1).Width, 0);
        Assert.Equal(842, document.GetPage(1).Height, 0);
    }

    [Fact]
    public void The_same_content_renders_to_the_same_bytes()
    {
        using var ring = DocumentSamples.Ring();
        var (content, _) = IssuedDocumentSamples.Create(IssuedDocumentSamples.AllDetails[0], ring);
        var renderer = new IssuedDocumentRenderer();

        Assert.Equal(renderer.Render(content), renderer.Render(content));
    }

    private static string Title(string type) => type switch
    {
        ServiceTypes.BuildingPermit => "پروانه ساختمان",
        ServiceTypes.ExcavationPermit => "مجوز حفاری",
        ServiceTypes.WasteContract => "قرارداد حمل و دفع پسماند ساختمانی",
        ServiceTypes.CompletionCertificate => "گواهی پایان کار",
        ServiceTypes.NoViolationCertificate => "گواهی عدم خلاف",
        ServiceTypes.EngineeringReport => "گزارش کارشناسی",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static string Statement(string type) => type switch
    {
        ServiceTypes.BuildingPermit => "بدین‌وسیله اجازه احداث بنا با مشخصات زیر در ملک یادشده داده می‌شود",
        ServiceTypes.NoViolationCertificate => "گواهی می‌شود تا تاریخ صدور این گواهی تخلف ساختمانی برای این ملک ثبت نشده است",
        _ => string.Empty,
    };

    private static string[] DetailPhrases(string type) => type switch
    {
        ServiceTypes.BuildingPermit => ["تعداد طبقات ۵", "زیربنا به مترمربع ۲۵۰٫۵", "کاربری مسکونی"],
        ServiceTypes.ExcavationPermit => ["معبر خیابان ولیعصر", "طول حفاری به متر ۱۲۰", "عمق حفاری به متر ۱٫۵", "مدت حفاری به روز ۱۴", "سپرده ترمیم به ریال ۱۵۰٬۰۰۰٬۰۰۰"],
        ServiceTypes.WasteContract => ["حجم پسماند به مترمکعب ۳۵", "پیمانکار حمل شرکت حمل پسماند پاکان", "محل دفع سایت دفع آبعلی"],
        ServiceTypes.CompletionCertificate => ["شماره پروانه ساختمان 4HTV-7K3M-9QX2-0", "تعداد طبقات ۵", "زیربنا به مترمربع ۲۵۰٫۵"],
        ServiceTypes.NoViolationCertificate => [],
        ServiceTypes.EngineeringReport => ["موضوع بررسی استحکام دیوار مشترک با ملک مجاور پس از گودبرداری"],
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Each phrase must appear, and after the one before it.</summary>
    private static void AssertInOrder(string text, IEnumerable<string> phrases)
    {
        var at = 0;
        foreach (var phrase in phrases)
        {
            var found = text.IndexOf(phrase, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"«{phrase}» not found in order after position {at} of:\n{text}");
            at = found + phrase.Length;
        }
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
