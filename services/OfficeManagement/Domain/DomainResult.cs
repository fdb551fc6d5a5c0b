namespace CityEServices.OfficeManagement.Domain;

/// <summary>The result of a domain operation that the current state may refuse (an API answers 409).</summary>
public sealed record Outcome<T>(T? Value, string? Refusal) where T : class
{
    public bool Succeeded => Value is not null;

    public static Outcome<T> Done(T value) => new(value, null);

    public static Outcome<T> Refused(string refusal) => new(null, refusal);
}
