using CityEServices.Property.Features.Properties;
using CityEServices.Web.Problems;

namespace CityEServices.Property.Tests;

public class AsOfTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AsOf_reads_ISO_instants_refuses_the_future_and_repairs_a_plus_sent_as_a_space()
    {
        var errors = new ValidationErrors();

        Assert.Null(AsOf.Read(null, Now, errors));
        Assert.Equal(Now.AddHours(-1), AsOf.Read("2025-11-29T07:00:00Z", Now, errors));
        Assert.Equal(Now.AddHours(-1), AsOf.Read("2025-11-29T07:00:00", Now, errors));
        Assert.Equal(Now.AddHours(-1), AsOf.Read("2025-11-29T10:30:00 03:30", Now, errors));
        Assert.True(errors.IsEmpty);

        Assert.Null(AsOf.Read("yesterday", Now, errors));
        Assert.Null(AsOf.Read("2025-11-29T09:00:00Z", Now, errors));
        Assert.Equal(2, errors.ToDictionary()["asOf"].Length);
    }

    [Fact]
    public void Now_itself_may_be_read_but_not_a_tick_after_it()
    {
        var errors = new ValidationErrors();

        Assert.Equal(Now, AsOf.Read(Now.ToString("O"), Now, errors));
        Assert.True(errors.IsEmpty);

        Assert.Null(AsOf.Read(Now.AddTicks(1).ToString("O"), Now, errors));
        Assert.Contains("future", Assert.Single(errors.ToDictionary()["asOf"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Persian_digits_are_read_as_ASCII_and_the_answer_is_in_UTC()
    {
        var errors = new ValidationErrors();

        var instant = AsOf.Read("۲۰۲۵-۱۱-۲۹T۱۰:۰۰:۰۰+۰۳:۳۰", Now, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal(new DateTimeOffset(2025, 11, 29, 6, 30, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant!.Value.Offset);
    }
}
