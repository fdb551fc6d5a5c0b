namespace CityEServices.UrbanPlanning.Domain;

public static class EnumNames
{
    /// <summary>
    /// One member of <typeparamref name="T"/> by its name, any case. Never a number or a comma-separated
    /// list, both of which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> would otherwise take.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var name = text?.Trim();
        return !string.IsNullOrEmpty(name)
            && !name.Any(c => char.IsDigit(c) || c == ',')
            && Enum.TryParse(name, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }
}
