using System.Globalization;
using ServiceTypeCodes = CityEServices.Contracts.Codes.ServiceTypes;

namespace CityEServices.OfficeManagement.Features;

/// <summary>
/// Readers of the fields several resources share (service type, district, office code, enum names):
/// each returns the checked value, or null with the field's error added, so a request's errors are
/// collected in one pass and answered in one 400.
/// </summary>
public static class Fields
{
    public static string? ServiceType(string? value, ValidationErrors errors, string field = "serviceType")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Service type is required (see GET /api/service-types).");
            return null;
        }

        var code = value.Trim().ToUpperInvariant();
        if (!ServiceTypeCodes.IsKnown(code))
        {
            errors.Add(field, $"'{value}' is not a service type; known: {string.Join(", ", ServiceTypeCodes.All)}.");
            return null;
        }

        return code;
    }

    /// <summary>An optional district filter (1–22) given as text, so that <c>district=abc</c> is a field error too.</summary>
    public static int? DistrictFilter(string? text, ValidationErrors errors)
    {
        var normalized = PersianText.NormalizeDigits(text)?.Trim();
        if (string.IsNullOrEmpty(normalized))
        {
            return null;
        }

        if (!int.TryParse(normalized, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var district) || district is < 1 or > 22)
        {
            errors.Add("district", $"District must be 1 to 22; got {text}.");
            return null;
        }

        return district;
    }

    /// <summary>Names only, case-insensitive; numbers are refused so that "1" never means a value by accident.</summary>
    public static TEnum? Enum<TEnum>(string? value, string field, string label, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        var names = System.Enum.GetNames<TEnum>();
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{label} is required: one of {string.Join(", ", names)}.");
            return null;
        }

        var name = names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            errors.Add(field, $"{label} '{value}' is not one of {string.Join(", ", names)}.");
            return null;
        }

        return System.Enum.Parse<TEnum>(name);
    }

    /// <summary>
    /// A write's office (the path's <c>code</c>) and its checked body, or the 400 of the first that is
    /// wrong: the body is not checked while the office code does not read.
    /// </summary>
    public static Outcome<(OfficeCode Office, T Body)> ForOffice<TRequest, T>(string code, TRequest request, Func<TRequest, Validated<T>> validate)
        where T : class =>
        Read<OfficeCode, TRequest, T>(code, "code", request, validate);

    /// <summary>A write's person (the path's <c>nationalId</c>) and its checked body, as <see cref="ForOffice"/>.</summary>
    public static Outcome<(NationalId Person, T Body)> ForPerson<TRequest, T>(string nationalId, TRequest request, Func<TRequest, Validated<T>> validate)
        where T : class =>
        Read<NationalId, TRequest, T>(nationalId, "nationalId", request, validate);

    private static Outcome<(TKey, T)> Read<TKey, TRequest, T>(string key, string field, TRequest request, Func<TRequest, Validated<T>> validate)
        where TKey : IValidatedValue<TKey>
        where T : class
    {
        if (!TKey.TryParse(key, out var parsed, out var error))
        {
            return Problem.Invalid(field, error);
        }

        var validated = validate(request);
        if (validated.Value is not { } body)
        {
            return Problem.Invalid(validated.Errors);
        }

        return (parsed, body);
    }
}
