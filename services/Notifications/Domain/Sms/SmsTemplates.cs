namespace CityEServices.Notifications.Domain.Sms;

/// <summary>
/// The Persian texts citizens receive, one per event and status, each short enough for two SMS parts
/// (Persian is UCS-2: 67 characters a part when concatenated) and each quoting the tracking code.
/// </summary>
public static class SmsTemplates
{
    public const string FileOpened = "file-opened";
    public const string StatusPrefix = "status:";

    /// <summary>A citizen's one-time sign-in code: sent whatever the opt-out list says (the citizen asked for it), never rendered again.</summary>
    public const string SignInCode = "sign-in-code";

    /// <summary>The most a rendered message may hold: two concatenated UCS-2 parts.</summary>
    public const int MaxLength = 134;

    private const string Signature = "شهرداری تهران";

    /// <summary>The request statuses of the design (DESIGN.md), each with its own sentence.</summary>
    public static IReadOnlyDictionary<string, string> StatusSentences { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AwaitingDocuments"] = "درخواست {0} شما ثبت شد و منتظر مدارک است.",
        ["Submitted"] = "درخواست {0} شما ثبت شد و در نوبت بررسی است.",
        ["UnderReview"] = "درخواست {0} شما در حال بررسی است.",
        ["Returned"] = "درخواست {0} شما برای تکمیل مدارک بازگشت؛ به دفتر خدمات مراجعه کنید.",
        ["Rejected"] = "درخواست {0} شما رد شد؛ برای دلیل آن به دفتر خدمات مراجعه کنید.",
        ["FeeAssessed"] = "عوارض درخواست {0} شما تعیین شد؛ لطفا پرداخت کنید.",
        ["Paid"] = "پرداخت عوارض درخواست {0} شما ثبت شد.",
        ["Issued"] = "{0} شما صادر شد.",
    };

    /// <summary>Persian names of the service types, as the counters show them.</summary>
    public static IReadOnlyDictionary<string, string> ServiceTitles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ServiceTypes.UrbanFile] = "پرونده شهرسازی",
        [ServiceTypes.BuildingPermit] = "پروانه ساختمانی",
        [ServiceTypes.EngineeringReport] = "گزارش مهندسی",
        [ServiceTypes.ExcavationPermit] = "مجوز حفاری",
        [ServiceTypes.WasteContract] = "قرارداد پسماند ساختمانی",
        [ServiceTypes.SupervisingEngineer] = "امور مهندس ناظر",
        [ServiceTypes.ArchitectureReview] = "بررسی نقشه‌های معماری",
        [ServiceTypes.CompletionCertificate] = "گواهی پایان کار",
        [ServiceTypes.NoViolationCertificate] = "گواهی عدم خلاف",
    };

    public static string ForStatus(string toStatus) => StatusPrefix + toStatus;

    /// <summary>The message for <paramref name="template"/>, naming the service type and quoting the tracking code.</summary>
    public static string Render(string template, string? serviceType, string? trackingCode)
    {
        var sentence = template == FileOpened
            ? "پرونده شهرسازی شما تشکیل شد."
            : template.StartsWith(StatusPrefix, StringComparison.Ordinal) && StatusSentences.TryGetValue(template[StatusPrefix.Length..], out var known)
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, known, Title(serviceType))
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, "وضعیت درخواست {0} شما تغییر کرد.", Title(serviceType));
        return trackingCode is null
            ? $"{Signature}: {sentence}"
            : $"{Signature}: {sentence} کد رهگیری: {trackingCode}";
    }

    /// <summary>The sign-in code's text; the code comes first, where phones that fill codes in look for it.</summary>
    public static string RenderSignInCode(string code) =>
        $"{Signature}: کد ورود شما {code}. این کد را به هیچ‌کس ندهید؛ کارکنان شهرداری آن را نمی‌پرسند.";

    private static string Title(string? serviceType) =>
        serviceType is not null && ServiceTitles.TryGetValue(serviceType, out var title) ? title : "خدمت";
}
