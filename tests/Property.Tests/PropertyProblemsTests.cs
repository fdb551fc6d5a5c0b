using CityEServices.Iran;
using CityEServices.Property.Domain;
using CityEServices.Property.Features.Properties;

namespace CityEServices.Property.Tests;

/// <summary>The 404 and 409 answers the property use cases share: a client branches on the status and the reason.</summary>
public class PropertyProblemsTests
{
    private static readonly RenovationCode Code = RenovationCode.Parse("6-12-104-7-0-0-0");

    [Theory]
    [InlineData(Refusal.LegalHold)]
    [InlineData(Refusal.SellerNotOwner)]
    [InlineData(Refusal.InsufficientShare)]
    [InlineData(Refusal.AlreadyUnderLegalHold)]
    [InlineData(Refusal.NotUnderLegalHold)]
    public void A_refusal_is_a_409_with_its_reason_and_detail(string reason)
    {
        var problem = PropertyProblems.Refused(new Refusal(reason, "why not"));

        Assert.Equal((409, reason, "why not"), (problem.Status, problem.Reason, problem.Detail));
    }

    [Fact]
    public void A_lost_race_is_a_409_ConcurrentChange_that_names_the_property()
    {
        var problem = PropertyProblems.ChangedConcurrently(Code);

        Assert.Equal((409, "ConcurrentChange"), (problem.Status, problem.Reason));
        Assert.Contains("6-12-104-7-0-0-0", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_property_is_a_404_that_names_the_code()
    {
        var problem = PropertyProblems.NotFound(Code);

        Assert.Equal(404, problem.Status);
        Assert.Contains("6-12-104-7-0-0-0", problem.Detail, StringComparison.Ordinal);
    }
}
