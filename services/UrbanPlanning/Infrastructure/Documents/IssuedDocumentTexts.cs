namespace CityEServices.UrbanPlanning.Infrastructure.Documents;

/// <summary>
/// The Persian wording of the documents. Labels carry no colon and values end their line: poppler's
/// text extraction counts ':' and '،' as number characters and moves them across a neighbouring word
/// or number, so our own wording has neither, and units go into the label rather than after the value
/// (a Persian word right after a number comes out glued to it).
/// </summary>
internal static class IssuedDocumentTexts
{
    public const string Country = "جمهوری اسلامی ایران";
    public const string Municipality = "شهرداری تهران";
    public const string Deputy = "معاونت شهرسازی و معماری";
    public const string Offices = "دفاتر خدمات الکترونیکی شهر";

    public const string Number = "شماره سند";
    public const string IssuedOn = "تاریخ صدور";
    public const string ValidUntil = "اعتبار تا";
    public const string NoExpiry = "بدون تاریخ انقضا";
    public const string FileNumber = "شماره پرونده";
    public const string RenovationCode = "کد نوسازی";
    public const string District = "منطقه";
    public const string Plate = "پلاک ثبتی";
    public const string PlateSection = "بخش";
    public const string PlateMain = "اصلی";
    public const string PlateSub = "فرعی";
    public const string Address = "نشانی";
    public const string Holder = "دارنده";
    public const string NationalId = "کد ملی";
    public const string LegalEntityId = "شناسه ملی";
    public const string Office = "دفتر صادرکننده";
    public const string OfficeCode = "کد دفتر";

    public const string Floors = "تعداد طبقات";
    public const string AreaM2 = "زیربنا به مترمربع";
    public const string Usage = "کاربری";
    public const string Street = "معبر";
    public const string LengthM = "طول حفاری به متر";
    public const string DepthM = "عمق حفاری به متر";
    public const string DurationDays = "مدت حفاری به روز";
    public const string RestorationDeposit = "سپرده ترمیم به ریال";
    public const string VolumeM3 = "حجم پسماند به مترمکعب";
    public const string Hauler = "پیمانکار حمل";
    public const string DisposalSite = "محل دفع";
    public const string BuildingPermitNumber = "شماره پروانه ساختمان";
    public const string Subject = "موضوع";

    public const string Electronic = "این سند به‌صورت الکترونیکی صادر شده و اصالت آن با رمزینه امضاشده روی آن بررسی‌پذیر است";
    public const string HowToVerify = "برای بررسی اصالت رمزینه را بخوانید یا شماره سند را در این نشانی وارد کنید";

    public static string Title(string type) => type switch
    {
        ServiceTypes.BuildingPermit => "پروانه ساختمان",
        ServiceTypes.ExcavationPermit => "مجوز حفاری",
        ServiceTypes.WasteContract => "قرارداد حمل و دفع پسماند ساختمانی",
        ServiceTypes.CompletionCertificate => "گواهی پایان کار",
        ServiceTypes.NoViolationCertificate => "گواهی عدم خلاف",
        ServiceTypes.EngineeringReport => "گزارش کارشناسی",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an issued document type."),
    };

    /// <summary>What the document states, in one sentence under the title.</summary>
    public static string Statement(string type) => type switch
    {
        ServiceTypes.BuildingPermit => "بدین‌وسیله اجازه احداث بنا با مشخصات زیر در ملک یادشده داده می‌شود",
        ServiceTypes.ExcavationPermit => "حفاری در معبر یادشده با مشخصات زیر و با تعهد ترمیم آن مجاز است",
        ServiceTypes.WasteContract => "حمل و دفع پسماند ساختمانی این ملک با مشخصات زیر به پیمانکار مجاز سپرده می‌شود",
        ServiceTypes.CompletionCertificate => "گواهی می‌شود ساختمان این ملک مطابق پروانه ساختمان به پایان رسیده است",
        ServiceTypes.NoViolationCertificate => "گواهی می‌شود تا تاریخ صدور این گواهی تخلف ساختمانی برای این ملک ثبت نشده است",
        ServiceTypes.EngineeringReport => "نتیجه بررسی کارشناسی ملک یادشده به شرح زیر است",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an issued document type."),
    };

    public static string UsageName(string usage) => usage switch
    {
        "Residential" => "مسکونی",
        "Commercial" => "تجاری",
        "Mixed" => "مختلط",
        "Administrative" => "اداری",
        "Industrial" => "صنعتی",
        "GreenSpace" => "فضای سبز",
        _ => usage,
    };
}
