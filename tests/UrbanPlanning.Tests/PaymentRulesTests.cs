using CityEServices.UrbanPlanning.Domain.Payments;
using CityEServices.UrbanPlanning.Features.Payments;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>A bank's confirmation as it is read, the settlement day as it is asked for, and the payment settings.</summary>
public class PaymentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_confirmation_reports_every_bad_field_at_once()
    {
        (var valid, var errors) = PaymentRules.ValidateConfirmation(12.5m, "ref with spaces", "2026-12-04T10:15:00", Now);
        Assert.Null(valid);

        Assert.Null(valid);
        Assert.Equal(["amountRial", "bankReference", "paidAt"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-5)]
    public void The_amount_is_a_positive_whole_number_of_rials(int? amount)
    {
        (var valid, var errors) = PaymentRules.ValidateConfirmation(amount, "REF-1", "2026-12-04T10:15:00+03:30", Now);
        Assert.Null(valid);

        Assert.Equal(["amountRial"], errors.ToDictionary().Keys);
    }

    [Fact]
    public void PaidAt_names_its_offset_and_is_kept_as_utc()
    {
        (var valid, _) = PaymentRules.ValidateConfirmation(47_500_000m, " shetab-۹۹ ", "2026-12-04T10:15:00+03:30", Now);
        Assert.NotNull(valid);

        Assert.Equal(new ValidConfirmation(47_500_000m, "SHETAB-99", new DateTimeOffset(2026, 12, 4, 6, 45, 0, TimeSpan.Zero)), valid);
        Assert.Equal(TimeSpan.Zero, valid.PaidAt.Offset);
        Assert.True(PaymentRules.ValidateConfirmation(1m, "R", "2026-12-04T06:45:00Z", Now).IsValid);
    }

    [Fact]
    public void A_payment_in_the_future_is_refused_beyond_a_small_clock_skew()
    {
        Assert.True(PaymentRules.ValidateConfirmation(1m, "R", Now.AddMinutes(4).ToString("O"), Now).IsValid);

        (var valid, var errors) = PaymentRules.ValidateConfirmation(1m, "R", Now.AddMinutes(6).ToString("O"), Now);
        Assert.Null(valid);
        Assert.Equal(["paidAt"], errors.ToDictionary().Keys);
    }

    [Theory]
    [InlineData("1405/09/13", 2026, 12, 4)]
    [InlineData("۱۴۰۵/۰۹/۱۳", 2026, 12, 4)]
    [InlineData("1405-9-13", 2026, 12, 4)]
    [InlineData("2026-12-04", 2026, 12, 4)]
    [InlineData("1404/01/01", 2025, 3, 21)]
    public void The_settlement_day_is_solar_hijri_or_iso(string input, int year, int month, int day)
    {
        Assert.True(PaymentRules.TryReadDay(input, out var read, out var error), error);

        Assert.Equal(new DateOnly(year, month, day), read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("1405/13/01")]
    [InlineData("2026-02-30")]
    public void Anything_else_is_not_a_day(string? input)
    {
        Assert.False(PaymentRules.TryReadDay(input, out _, out var error));

        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_tehran_day_runs_from_its_midnight_in_tehran()
    {
        var (from, to) = PaymentRules.TehranDay(new DateOnly(2026, 12, 4));

        // Iran keeps +03:30 all year since 2022.
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 20, 30, 0, TimeSpan.Zero), from);
        Assert.Equal(from.AddDays(1), to);
    }

    [Fact]
    public void The_municipalitys_account_must_be_a_valid_sheba_and_orders_must_live_a_while()
    {
        Assert.True(new PaymentOptions().IsValid(out _));
        Assert.Equal("IR820540102680020817909002", new PaymentOptions().MunicipalitySheba);
        Assert.Equal(TimeSpan.FromDays(7), new PaymentOptions().OrderValidity);

        Assert.False(new PaymentOptions { MunicipalitySheba = "IR820540102680020817909003" }.IsValid(out var error));
        Assert.Contains("MunicipalitySheba", error, StringComparison.Ordinal);
        Assert.False(new PaymentOptions { OrderValidity = TimeSpan.Zero }.IsValid(out _));
    }
}
