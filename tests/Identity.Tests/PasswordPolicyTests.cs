using CityEServices.Identity.Domain;

namespace CityEServices.Identity.Tests;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("Abcdefghi1")]
    [InlineData("Correct-Horse-Battery-9")]
    public void Passwords_meeting_every_rule_pass(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password));
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("Abcdefgh1", "at least 10")]
    [InlineData("abcdefghij1", "upper-case")]
    [InlineData("ABCDEFGHIJ1", "lower-case")]
    [InlineData("Abcdefghijk", "digit")]
    public void Each_broken_rule_is_named(string? password, string expected)
    {
        Assert.Contains(PasswordPolicy.Check(password), problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        Assert.Equal(3, PasswordPolicy.Check("abc").Count);
    }

    [Fact]
    public void Overlong_passwords_are_rejected()
    {
        Assert.Contains(PasswordPolicy.Check("Aa1" + new string('x', PasswordPolicy.MaxLength)), p => p.Contains("at most", StringComparison.Ordinal));
    }
}
