using System.Buffers;
using System.Diagnostics;

namespace CityEServices.Gateway.Correlation;

/// <summary>
/// The id that ties one caller's request to every log line and event it causes. Callers may bring
/// their own; it is forwarded to services and echoed back, so it must be short and header-safe.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-ID";
    public const string TagName = "correlation.id";
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static bool IsValid(ReadOnlySpan<char> value) =>
        value.Length is > 0 and <= MaxLength && !value.ContainsAnyExcept(Allowed);

    /// <summary>The trace id when there is one, so that the correlation id also finds the trace.</summary>
    public static string Create() =>
        Activity.Current is { } activity ? activity.TraceId.ToHexString() : Guid.NewGuid().ToString("N");
}
