namespace CityEServices.UrbanPlanning.Features.Payments;

/// <summary>Configuration section "Payments": where fees are paid to and for how long an order may be paid.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    public const string DefaultMunicipalitySheba = "IR820540102680020817909002";

    /// <summary>The municipality's account every payment order names (validated as a Sheba at start-up).</summary>
    public string MunicipalitySheba { get; set; } = DefaultMunicipalitySheba;

    /// <summary>How long after the assessment a payment order may be paid; a bank's confirmation after it is refused.</summary>
    public TimeSpan OrderValidity { get; set; } = TimeSpan.FromDays(7);

    public bool IsValid(out string? error)
    {
        error = Sheba.Validate(MunicipalitySheba) is { } shebaError ? $"Payments:MunicipalitySheba: {shebaError}"
            : OrderValidity <= TimeSpan.Zero || OrderValidity > TimeSpan.FromDays(365) ? "Payments:OrderValidity must be more than zero and at most 365 days."
            : null;
        return error is null;
    }
}
