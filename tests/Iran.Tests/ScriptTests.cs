namespace CityEServices.Iran.Tests;

// The helper builds most non-ASCII inputs; if it silently returned ASCII, those tests would prove nothing.
public class ScriptTests
{
    [Fact]
    public void Persian_writes_extended_arabic_indic_digits() =>
        Assert.Equal("\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9-x", Script.Persian("0123456789-x"));

    [Fact]
    public void Arabic_writes_arabic_indic_digits() =>
        Assert.Equal("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669-x", Script.Arabic("0123456789-x"));
}
