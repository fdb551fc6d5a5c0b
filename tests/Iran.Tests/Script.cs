namespace CityEServices.Iran.Tests;

/// <summary>Writes ASCII digits in the other scripts, so inputs are built from the readable form.</summary>
internal static class Script
{
    public static string Persian(string ascii) => Map(ascii, '\u06F0');

    public static string Arabic(string ascii) => Map(ascii, '\u0660');

    private static string Map(string ascii, char zero) =>
        string.Concat(ascii.Select(c => char.IsAsciiDigit(c) ? (char)(zero + (c - '0')) : c));
}
