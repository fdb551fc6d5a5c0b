using System.Diagnostics.CodeAnalysis;

namespace CityEServices.Iran;

/// <summary>
/// A value that is either valid or does not exist. Parsing can say why an input is invalid, which is
/// what an API puts in its 400 answer; the shared JSON converter relies on that.
/// </summary>
public interface IValidatedValue<TSelf> : IParsable<TSelf>
    where TSelf : IValidatedValue<TSelf>
{
    /// <summary>Parses <paramref name="input"/>; on failure <paramref name="error"/> says why, in one sentence.</summary>
    static abstract bool TryParse([NotNullWhen(true)] string? input, out TSelf value, [NotNullWhen(false)] out string? error);
}
