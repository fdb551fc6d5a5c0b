namespace CityEServices.Identity.Domain;

public static class UserNames
{
    public const int MinLength = 3;
    public const int MaxLength = 64;

    /// <summary>
    /// User names are compared case-insensitively by storing one spelling. ASCII only on purpose: a
    /// Persian keyboard offers two look-alike forms of several letters, which would let two accounts
    /// look identical on screen.
    /// </summary>
    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public static bool IsWellFormed(ReadOnlySpan<char> userName)
    {
        if (userName.Length is < MinLength or > MaxLength)
        {
            return false;
        }

        foreach (var c in userName)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
