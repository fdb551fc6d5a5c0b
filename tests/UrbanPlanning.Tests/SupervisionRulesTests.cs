using CityEServices.UrbanPlanning.Domain.Supervision;

namespace CityEServices.UrbanPlanning.Tests;

public class SupervisionRulesTests
{
    [Fact]
    public void Stages_come_in_construction_order_and_end_with_final()
    {
        Assert.Equal(SupervisionStage.Foundation, SupervisionRules.NextStage([]));
        Assert.Equal(SupervisionStage.Skeleton, SupervisionRules.NextStage([SupervisionStage.Foundation]));
        Assert.Equal(SupervisionStage.Final, SupervisionRules.NextStage([SupervisionStage.Foundation, SupervisionStage.Skeleton, SupervisionStage.Finishing]));
        Assert.Null(SupervisionRules.NextStage(Enum.GetValues<SupervisionStage>()));
        // A gap is filled first: Skeleton is not skipped because Finishing somehow exists.
        Assert.Equal(SupervisionStage.Skeleton, SupervisionRules.NextStage([SupervisionStage.Foundation, SupervisionStage.Finishing]));
    }

    [Theory]
    [InlineData(1, 0, true)]
    [InlineData(1, 1, false)]
    [InlineData(5, 4, true)]
    [InlineData(5, 5, false)]
    public void An_engineer_takes_buildings_up_to_their_capacity(int capacity, int active, bool hasRoom)
    {
        var engineer = new Engineer("ENG-1", "Eng", EngineerGrade.One, capacity, new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(hasRoom, SupervisionRules.HasRoom(engineer, active));
    }
}
