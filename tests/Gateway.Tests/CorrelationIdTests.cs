using CityEServices.Gateway.Correlation;

namespace CityEServices.Gateway.Tests;

public class CorrelationIdTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("A-b_c.9")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Header_safe_ids_up_to_64_characters_are_kept(string id)
    {
        Assert.True(CorrelationId.IsValid(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\r\nbreak")]
    [InlineData("ünïcode")]
    [InlineData("semi;colon")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void Anything_else_is_replaced(string id)
    {
        Assert.False(CorrelationId.IsValid(id));
    }

    [Fact]
    public void Generated_ids_are_valid_and_distinct()
    {
        var first = CorrelationId.Create();

        Assert.True(CorrelationId.IsValid(first));
        Assert.NotEqual(first, CorrelationId.Create());
    }
}
