namespace CityEServices.UrbanPlanning.Domain.Supervision;

/// <summary>An engineer's registration that passed <see cref="EngineerRules.Validate"/>.</summary>
public sealed record ValidEngineer(string LicenceNumber, string FullName, EngineerGrade Grade, int Capacity);

/// <summary>Shape checks of the engineer registry's input; error keys are the body's JSON names.</summary>
public static class EngineerRules
{
    public const int MaxLicenceLength = 20;
    public const int MaxNameLength = 200;
    public const string LicenceError = "Licence number must be 1–20 letters, digits or hyphens.";

    /// <summary>A licence number as the registry stores it (upper case, Persian digits mapped); null when it cannot be one.</summary>
    public static string? NormalizeLicence(string? input)
    {
        var text = PersianText.NormalizeDigits(input)?.Trim().ToUpperInvariant();
        return !string.IsNullOrEmpty(text) && text.Length <= MaxLicenceLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? text : null;
    }

    public static Validated<ValidEngineer> Validate(string? licenceNumber, string? fullName, string? grade, int? capacity)
    {
        var check = new ValidationErrors();
        var licence = NormalizeLicence(licenceNumber);
        if (licence is null)
        {
            check.Add("licenceNumber", LicenceError);
        }

        var name = check.RequiredText(fullName, "fullName", "Full name", MaxNameLength);
        if (!EnumNames.TryParse<EngineerGrade>(grade, out var parsedGrade))
        {
            check.Add("grade", $"Grade must be one of {string.Join(", ", Enum.GetNames<EngineerGrade>())}.");
        }

        if (capacity is not (>= 1 and <= Engineer.MaxCapacity))
        {
            check.Add("capacity", $"Capacity must be 1–{Engineer.MaxCapacity} buildings.");
        }

        return check.Result(() => new ValidEngineer(licence!, name!, parsedGrade, capacity!.Value));
    }
}
