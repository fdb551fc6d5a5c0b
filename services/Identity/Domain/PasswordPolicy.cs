namespace CityEServices.Identity.Domain;

public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>Hashing cost does not depend much on length, but an unbounded field invites abuse.</summary>
    public const int MaxLength = 128;

    /// <summary>Every rule the password breaks, each as one sentence; empty when it is acceptable.</summary>
    public static List<string> Check(string? password)
    {
        var problems = new List<string>(4);
        if (string.IsNullOrEmpty(password))
        {
            problems.Add("Password is required.");
            return problems;
        }

        if (password.Length < MinLength)
        {
            problems.Add($"Password must be at least {MinLength} characters long.");
        }

        if (password.Length > MaxLength)
        {
            problems.Add($"Password must be at most {MaxLength} characters long.");
        }

        if (!password.Any(char.IsUpper))
        {
            problems.Add("Password must contain an upper-case letter.");
        }

        if (!password.Any(char.IsLower))
        {
            problems.Add("Password must contain a lower-case letter.");
        }

        if (!password.Any(char.IsDigit))
        {
            problems.Add("Password must contain a digit.");
        }

        return problems;
    }
}
