namespace CityEServices.Iran;

/// <summary>
/// Marks a partial struct whose only hand-written parsing is <c>private static string? Read(string text, out T value)</c>
/// (the rule: null when <paramref name="name"/>-valid, else why not). Iran.Generators writes the rest: Parse, TryParse,
/// Validate, the "is required" answer and Persian-digit folding, and with <see cref="StoresText"/> the canonical text.
/// </summary>
/// <param name="name">What the value is called in error messages, e.g. "Postal code".</param>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
public sealed class ValidatedValueAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>
    /// The value is its canonical text: generates <c>Value</c>, <c>ToString()</c>, a constructor taking the text and the
    /// shared JSON converter (<see cref="ValidatedValueJsonConverter{T}"/>).
    /// </summary>
    public bool StoresText { get; set; }
}
