namespace CityEServices.Iran;

internal static class Digits
{
    public static bool AreAscii(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    public static bool AllSame(ReadOnlySpan<char> text) => text.Length > 0 && !text.ContainsAnyExcept(text[0]);

    public static int At(ReadOnlySpan<char> text, int index) => text[index] - '0';
}
