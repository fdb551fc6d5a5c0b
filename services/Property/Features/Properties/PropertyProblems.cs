using CityEServices.Iran;
using CityEServices.Property.Domain;

namespace CityEServices.Property.Features.Properties;

/// <summary>The answers several property use cases give alike: the property is missing, or its state refused the change.</summary>
internal static class PropertyProblems
{
    public static Problem NotFound(RenovationCode code) =>
        Problem.NotFound("Property not found.", $"No property has renovation code {code.Value}.");

    /// <summary>The 409 for a change the property's current state does not allow, with the rule's reason.</summary>
    public static Problem Refused(Refusal refusal) =>
        Problem.Conflict(refusal.Reason, "The property's current state does not allow this.", refusal.Detail);

    public static Problem ChangedConcurrently(RenovationCode code) => Refused(new Refusal(
        Refusal.ConcurrentChange, $"Property {code.Value} was changed by another request at the same time; read it again and retry."));
}
