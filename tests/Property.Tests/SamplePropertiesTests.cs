using CityEServices.Property.Data.SampleData;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Tests;

public class SamplePropertiesTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_sample_is_a_few_hundred_wholly_owned_properties_across_districts_with_mixed_shares()
    {
        var sample = SampleProperties.Generate(300, Now);

        Assert.Equal(300, sample.Count);
        Assert.Equal(300, sample.Select(p => p.RenovationCode.Value).Distinct().Count());
        Assert.All(sample, p => Assert.Equal(Dang.Six, Dang.Sum(p.CurrentOwners.Select(o => o.Share))));
        Assert.All(sample, p => Assert.NotEqual(0, p.RenovationCode.Building));
        Assert.True(sample.Select(p => p.District).Distinct().Count() >= 6);
        Assert.Contains(sample, p => p.CurrentOwners.Any(o => o.Share.Denominator == 3));
        Assert.Contains(sample, p => p.CurrentOwners.Any(o => o.Share.Denominator == 2));
        Assert.Contains(sample, p => p.CurrentOwners.Any(o => o.PartyType == PartyType.Organisation));
        Assert.Contains(sample, p => p.History.Any(h => h.Kind == HistoryKind.Transferred));
        Assert.Contains(sample, p => p.Restrictions.LegalHold);
        Assert.All(sample, p => Assert.StartsWith("تهران، ", p.Address, StringComparison.Ordinal));
        Assert.All(sample, p => Assert.True(p.RegisteredAt < Now));
    }

    [Fact]
    public void The_sample_is_the_same_every_run()
    {
        var first = SampleProperties.Generate(50, Now);
        var second = SampleProperties.Generate(50, Now);

        Assert.Equal(first.Select(p => (p.RenovationCode, p.Address)), second.Select(p => (p.RenovationCode, p.Address)));
    }
}
