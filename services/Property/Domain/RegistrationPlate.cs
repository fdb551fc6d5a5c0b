namespace CityEServices.Property.Domain;

/// <summary>
/// پلاک ثبتی: the land-registry plate, kept as three numbers and never as one string, because a
/// string such as «۱۲۳ فرعی از ۴۵ اصلی بخش ۷» comes out scrambled when right-to-left text is mixed
/// with digits.
/// </summary>
/// <param name="Section">بخش ثبتی: the registry section.</param>
/// <param name="Main">پلاک اصلی: the main plate.</param>
/// <param name="Sub">پلاک فرعی: the sub plate; 0 when the parcel has not been subdivided.</param>
public sealed record RegistrationPlate(int Section, int Main, int Sub);
