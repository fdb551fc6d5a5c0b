using System.Collections.Frozen;
using System.Globalization;

namespace CityEServices.Iran;

/// <summary>
/// Iran's official holidays (تعطیلات رسمی): the fixed solar ones, which fall on the same Solar Hijri day
/// every year, and the lunar ones, which move about eleven days earlier each solar year and are fixed
/// only when the official calendar is published (the Council for Public Culture, شورای فرهنگ عمومی, on
/// the University of Tehran Geophysics Institute's calendar). Fridays are the weekly rest day and are
/// not listed here (see <see cref="WorkingCalendar"/>).
/// </summary>
public static class IranianHolidays
{
    private static readonly PersianCalendar Persian = new();

    /// <summary>Month and day of the holidays fixed in the solar calendar, any year.</summary>
    public static readonly IReadOnlyList<(int Month, int Day, string Name)> FixedSolar =
    [
        (1, 1, "Nowruz"),
        (1, 2, "Nowruz"),
        (1, 3, "Nowruz"),
        (1, 4, "Nowruz"),
        (1, 12, "Islamic Republic Day"),
        (1, 13, "Nature Day (Sizdah Bedar)"),
        (3, 14, "Death of Imam Khomeini"),
        (3, 15, "Uprising of 15 Khordad"),
        (11, 22, "Victory of the Islamic Revolution"),
        (12, 29, "Nationalisation of the oil industry"),
    ];

    /// <summary>
    /// The lunar holidays of 1404–1406 as Solar Hijri dates. Sources:
    /// <list type="bullet">
    /// <item>1404: the official 1404 calendar (Council for Public Culture), as observed; Eid al-Fitr 1446
    /// was 1404/01/11 with 01/12 the day after (already Islamic Republic Day).</item>
    /// <item>1405: the official 1405 calendar as reported by ILNA on 1404/08/08 (2025-10-30, "سال ۱۴۰۵ چند
    /// روز تعطیل رسمی دارد"): Eid al-Fitr 1447 on 1405/01/01–02, Eid al-Adha 03/06, Ghadir 03/14 (with the
    /// death of Imam Khomeini), Tasua and Ashura 04/03–04; the months after Tir follow from the lunar
    /// month starts that calendar implies (Muharram 1448 from 1405/03/25).</item>
    /// <item>1406: provisional, from the astronomical lunar month starts; the official 1406 calendar is
    /// published in autumn 1405. Correct it, and add later years, with configuration
    /// (<c>Iran:Holidays:Additional</c> / <c>Iran:Holidays:Cancelled</c>) rather than a release.</item>
    /// </list>
    /// </summary>
    public static readonly IReadOnlyList<(string Date, string Name)> Lunar =
    [
        // 1404 (1446–1447 AH)
        ("1404/01/11", "Eid al-Fitr"),
        ("1404/02/04", "Martyrdom of Imam Sadiq"),
        ("1404/03/16", "Eid al-Adha"),
        ("1404/03/24", "Eid al-Ghadir"),
        ("1404/04/14", "Tasua"),
        ("1404/04/15", "Ashura"),
        ("1404/05/23", "Arbaeen"),
        ("1404/05/31", "Death of the Prophet and martyrdom of Imam Hasan"),
        ("1404/06/02", "Martyrdom of Imam Reza"),
        ("1404/06/10", "Martyrdom of Imam Hasan Askari"),
        ("1404/06/19", "Birth of the Prophet and Imam Sadiq"),
        ("1404/09/03", "Martyrdom of Fatima"),
        ("1404/10/13", "Birth of Imam Ali"),
        ("1404/10/27", "Mab'ath"),
        ("1404/11/15", "Birth of Imam Mahdi"),
        ("1404/12/20", "Martyrdom of Imam Ali"),

        // 1405 (1447–1448 AH)
        ("1405/01/01", "Eid al-Fitr"),
        ("1405/01/02", "Eid al-Fitr (second day)"),
        ("1405/01/25", "Martyrdom of Imam Sadiq"),
        ("1405/03/06", "Eid al-Adha"),
        ("1405/03/14", "Eid al-Ghadir"),
        ("1405/04/03", "Tasua"),
        ("1405/04/04", "Ashura"),
        ("1405/05/13", "Arbaeen"),
        ("1405/05/21", "Death of the Prophet and martyrdom of Imam Hasan"),
        ("1405/05/23", "Martyrdom of Imam Reza"),
        ("1405/05/31", "Martyrdom of Imam Hasan Askari"),
        ("1405/06/09", "Birth of the Prophet and Imam Sadiq"),
        ("1405/08/22", "Martyrdom of Fatima"),
        ("1405/10/03", "Birth of Imam Ali"),
        ("1405/10/17", "Mab'ath"),
        ("1405/11/05", "Birth of Imam Mahdi"),
        ("1405/12/10", "Martyrdom of Imam Ali"),
        ("1405/12/19", "Eid al-Fitr"),
        ("1405/12/20", "Eid al-Fitr (second day)"),

        // 1406 (1448–1449 AH), provisional
        ("1406/01/14", "Martyrdom of Imam Sadiq"),
        ("1406/02/26", "Eid al-Adha"),
        ("1406/03/03", "Eid al-Ghadir"),
        ("1406/03/24", "Tasua"),
        ("1406/03/25", "Ashura"),
        ("1406/05/03", "Arbaeen"),
        ("1406/05/11", "Death of the Prophet and martyrdom of Imam Hasan"),
        ("1406/05/13", "Martyrdom of Imam Reza"),
        ("1406/05/20", "Martyrdom of Imam Hasan Askari"),
        ("1406/05/29", "Birth of the Prophet and Imam Sadiq"),
        ("1406/08/12", "Martyrdom of Fatima"),
        ("1406/09/22", "Birth of Imam Ali"),
        ("1406/10/06", "Mab'ath"),
        ("1406/10/24", "Birth of Imam Mahdi"),
        ("1406/11/30", "Martyrdom of Imam Ali"),
        ("1406/12/09", "Eid al-Fitr"),
        ("1406/12/10", "Eid al-Fitr (second day)"),
    ];

    /// <summary>The first and last Solar Hijri years whose lunar holidays the table holds.</summary>
    public const int FirstTableYear = 1404;
    public const int LastTableYear = 1406;

    /// <summary>Every holiday of the table and the fixed solar ones of <paramref name="firstYear"/>..<paramref name="lastYear"/>, as Gregorian dates.</summary>
    public static FrozenSet<DateOnly> Published(int firstYear = FirstTableYear - 1, int lastYear = LastTableYear + 10)
    {
        var dates = new HashSet<DateOnly>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            foreach (var (month, day, _) in FixedSolar)
            {
                dates.Add(DateOnly.FromDateTime(Persian.ToDateTime(year, month, day, 0, 0, 0, 0)));
            }
        }

        foreach (var (date, _) in Lunar)
        {
            dates.Add(SolarHijri.ParseDate(date));
        }

        return dates.ToFrozenSet();
    }
}
