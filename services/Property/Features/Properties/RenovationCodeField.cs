using CityEServices.Iran;

namespace CityEServices.Property.Features.Properties;

/// <summary>The renovation code in a route, read like any other field: a bad one is a field error of the 400.</summary>
internal static class RenovationCodeField
{
    public static RenovationCode? Read(string? text, ValidationErrors errors)
    {
        if (RenovationCode.TryParse(text, out var code, out var error))
        {
            return code;
        }

        errors.Add("renovationCode", error);
        return null;
    }
}
