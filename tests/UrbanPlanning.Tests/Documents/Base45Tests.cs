using System.Text;
using CityEServices.UrbanPlanning.Domain.Documents;

namespace CityEServices.UrbanPlanning.Tests.Documents;

public class Base45Tests
{
    [Theory]
    [InlineData("AB", "BB8")]
    [InlineData("Hello!!", "%69 VD92EX0")]
    [InlineData("base-45", "UJCLQE7W581")]
    [InlineData("ietf!", "QED8WEX0")]
    [InlineData("", "")]
    public void Matches_the_RFC_9285_examples(string text, string encoded)
    {
        Assert.Equal(encoded, Base45.Encode(Encoding.ASCII.GetBytes(text)));
        Assert.True(Base45.TryDecode(encoded, out var decoded));
        Assert.Equal(text, Encoding.ASCII.GetString(decoded));
    }

    [Fact]
    public void Round_trips_every_byte_value_at_both_parities()
    {
        var even = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var odd = even[..255];

        foreach (var data in new[] { even, odd })
        {
            Assert.True(Base45.TryDecode(Base45.Encode(data), out var decoded));
            Assert.Equal(data, decoded);
        }
    }

    [Theory]
    [InlineData("GGW")]
    [InlineData("A")]
    [InlineData("BB8A")]
    [InlineData("bb8")]
    [InlineData("BB#")]
    [InlineData(":Z")]
    public void Refuses_what_RFC_9285_calls_invalid(string text) => Assert.False(Base45.TryDecode(text, out _));
}
