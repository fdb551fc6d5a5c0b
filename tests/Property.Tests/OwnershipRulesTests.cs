using CityEServices.Property.Domain;

namespace CityEServices.Property.Tests;

public class OwnershipRulesTests
{
    public static TheoryData<string[]> SharesMakingSix => new()
    {
        { ["6"] },
        { ["2.5", "3.5"] },
        { ["5/2", "7/2"] },
        { ["1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3", "1/3"] },
        { ["1/3", "2/3", "5"] },
        { ["1/7", "6/7", "2", "3"] },
        { ["0.1", "0.2", "5.7"] },
        { ["1.5", "1.5", "1.5", "1.5"] },
    };

    [Theory]
    [MemberData(nameof(SharesMakingSix))]
    public void Shares_summing_to_exactly_six_are_accepted(string[] shares)
    {
        Assert.Null(OwnershipRules.CheckTotal([.. shares.Select(Dang.Parse)]));
    }

    [Theory]
    [InlineData(new[] { "4", "1.5" }, "11/2 (5.5)")]
    [InlineData(new[] { "3", "3.5" }, "13/2 (6.5)")]
    [InlineData(new[] { "1/3", "1/3", "5" }, "17/3")]
    [InlineData(new[] { "2", "2", "2.0001" }, "60001/10000 (6.0001)")]
    [InlineData(new[] { "5.9999999999" }, "59999999999/10000000000 (5.9999999999)")]
    public void Shares_not_summing_to_six_are_rejected_saying_what_they_sum_to(string[] shares, string sum)
    {
        var problem = OwnershipRules.CheckTotal([.. shares.Select(Dang.Parse)]);
        Assert.NotNull(problem);
        Assert.Contains($"they sum to {sum}.", problem);
    }

    [Fact]
    public void No_owners_is_rejected()
    {
        Assert.NotNull(OwnershipRules.CheckTotal([]));
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    [InlineData("6.5", false)]
    [InlineData("1/1000", true)]
    [InlineData("6", true)]
    public void A_single_share_is_more_than_zero_and_at_most_six(string share, bool ok)
    {
        Assert.Equal(ok, OwnershipRules.CheckShare(Dang.Parse(share)) is null);
    }
}
