namespace CityEServices.Gateway.Idempotency;

/// <summary><c>Gateway:Idempotency</c>.</summary>
public sealed class IdempotencySettings
{
    public const string SectionName = "Gateway:Idempotency";

    public const string Rule = "Gateway:Idempotency: Expiry and InFlightTimeout must be positive and MaxStoredBodyBytes not negative.";

    /// <summary>How long a finished answer is kept for replay.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a request in flight holds its key; longer than any cluster's activity timeout.</summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Answers with a larger body are replayed with status and headers only.</summary>
    public int MaxStoredBodyBytes { get; set; } = 256 * 1024;

    public bool IsSound() => Expiry > TimeSpan.Zero && InFlightTimeout > TimeSpan.Zero && MaxStoredBodyBytes >= 0;
}
