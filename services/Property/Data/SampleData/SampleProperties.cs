using System.Globalization;
using CityEServices.Iran;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Data.SampleData;

/// <summary>
/// A realistic, repeatable sample of the registry for local exploration: properties across several
/// districts with Persian addresses and owners (people and a few organisations) holding mixed shares,
/// some transferred since registration, a few under legal hold. Pure and seeded, so every run makes the
/// same sample. Every property goes through <see cref="RealProperty.Register"/> and
/// <see cref="RealProperty.Transfer"/>, so the sample obeys the same rules as real data.
/// </summary>
public static class SampleProperties
{
    /// <summary>Who the history says wrote the sample: the registry itself, as an actor id (<c>system:property</c>).</summary>
    public static readonly string Actor = Caller.System(Extensions.ServiceName).Actor;

    private static readonly int[] Districts = [1, 2, 3, 5, 6, 11, 12, 22];

    private static readonly Dictionary<int, string[]> Streets = new()
    {
        [1] = ["خیابان شریعتی", "خیابان دربند", "خیابان فرمانیه", "خیابان نیاوران"],
        [2] = ["بلوار فرحزادی", "خیابان سعادت‌آباد", "شهرک غرب، خیابان ایران‌زمین"],
        [3] = ["خیابان ملاصدرا", "خیابان ونک", "خیابان گاندی"],
        [5] = ["بلوار اشرفی اصفهانی", "خیابان پونک", "بلوار مرزداران"],
        [6] = ["خیابان کریمخان زند", "خیابان ولیعصر", "خیابان فاطمی", "خیابان یوسف‌آباد"],
        [11] = ["خیابان جمهوری", "خیابان حافظ", "خیابان امیرکبیر"],
        [12] = ["خیابان ناصرخسرو", "خیابان مولوی", "خیابان پانزده خرداد"],
        [22] = ["بلوار دهکده المپیک", "بلوار چیتگر", "خیابان کوهک"],
    };

    private static readonly string[] Alleys = ["کوچه یاس", "کوچه نسترن", "کوچه اقاقیا", "بن‌بست لاله", "کوچه شهید رضایی", "کوچه دوازدهم", "کوچه بهار"];

    private static readonly string[] FirstNames = ["علی", "محمد", "حسین", "رضا", "مهدی", "امیر", "سعید", "مریم", "فاطمه", "زهرا", "سارا", "نگار", "الهام", "نرگس"];

    private static readonly string[] LastNames = ["احمدی", "محمدی", "حسینی", "کریمی", "رضایی", "موسوی", "جعفری", "قاسمی", "صادقی", "رحیمی", "کاظمی", "تهرانی", "شکوهی", "نیک‌نام"];

    private static readonly string[] Organisations = ["شرکت ساختمانی آرمان", "شرکت سرمایه‌گذاری پارس", "تعاونی مسکن فرهنگیان", "شرکت توسعه شهری نگین"];

    // Shares in dang that owners commonly hold, each set summing to six.
    private static readonly string[][] ShareSets =
    [
        ["6"], ["6"], ["4", "2"], ["3", "3"], ["2.5", "3.5"], ["2", "2", "2"], ["1/3", "2/3", "5"], ["1.5", "1.5", "3"], ["3", "1", "1", "1"], ["5.5", "0.5"],
    ];

    private static readonly PropertyUsage[] Usages =
        [PropertyUsage.Residential, PropertyUsage.Residential, PropertyUsage.Residential, PropertyUsage.Residential, PropertyUsage.Mixed, PropertyUsage.Commercial, PropertyUsage.Administrative, PropertyUsage.Industrial, PropertyUsage.GreenSpace];

    public static IReadOnlyList<RealProperty> Generate(int count, DateTimeOffset now)
    {
        var random = new Random(1404);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<RealProperty>(count);
        while (properties.Count < count)
        {
            var district = Districts[random.Next(Districts.Length)];
            // The building segment is never 0, so sample codes stay clear of codes tests and scripts
            // tend to make up (district-zone-block-parcel-0-0-0).
            var code = RenovationCode.Parse(string.Create(CultureInfo.InvariantCulture,
                $"{district}-{random.Next(1, 10)}-{random.Next(100, 1000)}-{random.Next(1, 60)}-{random.Next(1, 4)}-{random.Next(0, 12)}-0"));
            if (!codes.Add(code.Value))
            {
                continue;
            }

            var registeredAt = now.AddDays(-random.Next(60, 1500)).AddMinutes(-random.Next(0, 1440));
            var property = RealProperty.Register(Registration(random, code), registeredAt, Actor);
            AddLaterChanges(random, property, registeredAt, now);
            properties.Add(property);
        }

        return properties;
    }

    private static PropertyRegistration Registration(Random random, RenovationCode code)
    {
        var shares = ShareSets[random.Next(ShareSets.Length)];
        var owners = new List<NewOwner>();
        foreach (var share in shares)
        {
            var organisation = owners.Count == 0 && random.Next(12) == 0;
            owners.Add(organisation
                ? new NewOwner(Party.Organisation(LegalEntityIdFor(random)), Organisations[random.Next(Organisations.Length)], Dang.Parse(share))
                : new NewOwner(Party.Person(NationalIdFor(random)), PersonName(random), Dang.Parse(share)));
        }

        var floors = random.Next(0, 9);
        var land = random.Next(80, 1200) + (random.Next(2) * 0.5m);
        var street = Streets[code.District][random.Next(Streets[code.District].Length)];
        var address = $"تهران، {street}، {Alleys[random.Next(Alleys.Length)]}، پلاک {random.Next(1, 180)}";
        return new PropertyRegistration(
            code,
            new RegistrationPlate(random.Next(1, 13), random.Next(1000, 10000), random.Next(0, 500)),
            address,
            PostalCode.Parse(string.Create(CultureInfo.InvariantCulture, $"1{random.Next(100_000_000, 1_000_000_000)}")),
            land,
            floors == 0 ? 0 : decimal.Round(land * floors * 0.6m, 2),
            floors,
            Usages[random.Next(Usages.Length)],
            Restrictions.None,
            owners);
    }

    /// <summary>About one in six has changed hands since registration; about one in twenty-five is under legal hold.</summary>
    private static void AddLaterChanges(Random random, RealProperty property, DateTimeOffset registeredAt, DateTimeOffset now)
    {
        if (random.Next(6) == 0)
        {
            var seller = property.CurrentOwners.First();
            var share = seller.Share > Dang.FromWhole(1) ? Dang.FromWhole(1) : seller.Share;
            var at = registeredAt + ((now - registeredAt) / 2);
            property.Transfer(new TransferOrder(seller.Party, Party.Person(NationalIdFor(random)), PersonName(random), share, "قرارداد نمونه"), at, Actor, out _);
        }

        if (random.Next(25) == 0)
        {
            property.PlaceLegalHold("دستور قضایی نمونه", now.AddDays(-random.Next(1, 30)), Actor);
        }
    }

    private static string PersonName(Random random) => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    /// <summary>A valid national ID: nine random digits and the check digit the card rule gives.</summary>
    private static NationalId NationalIdFor(Random random)
    {
        while (true)
        {
            var body = random.Next(1_000_000, 999_999_999).ToString("D9", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (body[i] - '0') * (10 - i);
            }

            var remainder = sum % 11;
            var check = remainder < 2 ? remainder : 11 - remainder;
            if (NationalId.TryParse(body + check, out var id))
            {
                return id;
            }
        }
    }

    /// <summary>A valid legal-entity ID: ten random digits and the check digit of the published rule.</summary>
    private static LegalEntityId LegalEntityIdFor(Random random)
    {
        int[] weights = [29, 27, 23, 19, 17];
        while (true)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"{random.Next(10_000, 100_000)}{random.Next(0, 100_000):D5}");
            var k = (body[9] - '0') + 2;
            var sum = 0;
            for (var i = 0; i < 10; i++)
            {
                sum += ((body[i] - '0') + k) * weights[i % 5];
            }

            var check = sum % 11 % 10;
            if (LegalEntityId.TryParse(body + check.ToString(CultureInfo.InvariantCulture), out var id))
            {
                return id;
            }
        }
    }
}
