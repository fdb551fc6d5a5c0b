namespace CityEServices.Identity.Domain;

public static class AccountRules
{
    public const int MaxReasonLength = 500;

    /// <summary>The reason a change is made, trimmed; a message when it is missing or too long.</summary>
    public static string? CheckReason(string? reason, out string? trimmed)
    {
        trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            trimmed = null;
            return "A reason is required: it is kept with the change.";
        }

        return trimmed.Length > MaxReasonLength ? $"The reason must be at most {MaxReasonLength} characters." : null;
    }
}
